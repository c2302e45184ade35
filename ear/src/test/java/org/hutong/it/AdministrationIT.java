package org.hutong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What administrators open: the OpenAPI document and UI, metrics, the Admin Center. */
@ExtendWith(HubReady.class)
class AdministrationIT {

    @Test
    void openApiDocumentsTheInformationInterfaceWithRealSchemas() {
        HttpResponse<String> document = Hub.send(HttpRequest.newBuilder(URI.create(Hub.HTTP + "/openapi"))
                .header("Accept", "application/json").GET().build());

        assertThat(document.statusCode()).isEqualTo(200);
        var openapi = Hub.json(document);
        assertThat(openapi.getJsonObject("paths").keySet())
                .contains("/api/v1/information", "/api/v1/information/{id}");
        assertThat(openapi.getJsonObject("components").getJsonObject("schemas").keySet())
                .contains("InformationEnvelope", "Information", "Problem", "InformationPage");
        assertThat(openapi.getJsonObject("components").getJsonObject("schemas").getJsonObject("InformationEnvelope")
                .getJsonArray("required").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .contains("id", "type", "specVersion", "producer", "time", "body");
        assertThat(Hub.get(Hub.HTTP + "/openapi/ui/").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        HttpResponse<String> metrics = TestIdentities.ADMIN.send(HttpRequest.newBuilder(URI.create(Hub.HTTPS + "/metrics"))
                .header("Accept", "text/plain").GET().build());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE").contains("jvm_uptime");
    }

    @Test
    void adminCenterAsksAdministratorsToLogIn() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trustAll())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(Hub.HTTPS + "/adminCenter/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).contains("/adminCenter/login");
    }

    /** The development server's certificate is self-signed. */
    private static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }
}
