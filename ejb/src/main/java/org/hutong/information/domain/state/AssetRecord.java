package org.hutong.information.domain.state;

import jakarta.json.JsonObject;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * An asset as the hub knows it: merged from every asset information about it, recognised by
 * the keys of {@link AssetIdentity}. A key belongs to one asset only (the database enforces it).
 */
@Entity
@Table(name = "asset_record")
public class AssetRecord extends StatefulRecord {

    @Column(name = "asset_id", length = 128)
    private String assetId;

    @Column(name = "name", length = 512)
    private String name;

    @Column(name = "kind", nullable = false, length = 64)
    private String kind;

    @ElementCollection
    @CollectionTable(name = "asset_identity", joinColumns = @JoinColumn(name = "record_no"))
    @Column(name = "identity_key", nullable = false, length = 300)
    private Set<String> identities = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "asset_address", joinColumns = @JoinColumn(name = "record_no"))
    @Column(name = "address", nullable = false, length = 200)
    private Set<String> addresses = new HashSet<>();

    protected AssetRecord() {
        // for JPA
    }

    private AssetRecord(JsonObject body, Instant seen) {
        super(body, seen);
        describe(body, Set.of());
    }

    /** The first information about an asset. */
    public static AssetRecord first(JsonObject body, Instant seen) {
        return new AssetRecord(body, seen);
    }

    /**
     * Takes in information about this asset.
     *
     * @param heldElsewhere identity keys of the body that other assets hold already: they stay there
     */
    public void observe(JsonObject body, Instant seen, Set<String> heldElsewhere) {
        JsonObject state = merged(body);
        replaceState(state, seen);
        describe(state, heldElsewhere);
    }

    /** Identities and addresses are only ever added: an asset stays findable by any it had. */
    private void describe(JsonObject state, Set<String> heldElsewhere) {
        this.assetId = AssetIdentity.assetId(state).orElse(null);
        this.name = state.getString("name", null);
        this.kind = state.getString("kind");
        AssetIdentity.keysOf(state).stream().filter(key -> !heldElsewhere.contains(key)).forEach(identities::add);
        addresses.addAll(AssetIdentity.addressesOf(state));
    }

    @Override
    public RecordKind kind() {
        return RecordKind.ASSET;
    }

    public String assetId() {
        return assetId;
    }

    public String name() {
        return name;
    }

    public String assetKind() {
        return kind;
    }

    public Set<String> identities() {
        return Collections.unmodifiableSet(identities);
    }

    public Set<String> addresses() {
        return Collections.unmodifiableSet(addresses);
    }
}
