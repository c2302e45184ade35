package org.hutong.registry.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.hutong.registry.domain.Product;
import org.hutong.registry.domain.ProductRepository;
import org.hutong.registry.domain.ProductStatus;

@ApplicationScoped
public class JpaProductRepository implements ProductRepository {

    @PersistenceContext(unitName = "hutong")
    EntityManager entityManager;

    @Override
    public Optional<Product> find(String id) {
        return Optional.ofNullable(entityManager.find(Product.class, id));
    }

    @Override
    public void add(Product product) {
        entityManager.persist(product);
    }

    @Override
    public List<Product> activeProviders(String functionId) {
        return find(functionId, null, ProductStatus.ACTIVE, "", 10_000);
    }

    @Override
    public List<Product> find(String function, String category, ProductStatus status, String afterId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT p FROM Product p WHERE p.id > :after");
        if (function != null) {
            jpql.append(" AND p.id IN (SELECT q.id FROM Product q JOIN q.functions f WHERE f = :function)");
        }
        if (category != null) {
            jpql.append(" AND p.category = :category");
        }
        if (status != null) {
            jpql.append(" AND p.status = :status");
        }
        TypedQuery<Product> query = entityManager.createQuery(jpql.append(" ORDER BY p.id").toString(), Product.class)
                .setParameter("after", afterId).setMaxResults(limit);
        if (function != null) {
            query.setParameter("function", function);
        }
        if (category != null) {
            query.setParameter("category", category);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }
}
