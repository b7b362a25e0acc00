package fi.city.login.identity;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fi.city.login.identity.api.IdentityApi;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal calls identity-service through {@link IdentityApi}; this test fails when a method there and
 * identity-service's resource for it disagree on the verb, the path, the headers, the request body or
 * the response type. A renamed field shows as a different record type; a renamed path or header as no
 * resource at all.
 */
class IdentityApiContractTest {

    private static List<Endpoint> served;

    @BeforeAll
    static void findTheResources() {
        served = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fi.city.login.identity")) {
            if (!resource.isInterface() && resource.isAnnotatedWith(Path.class)) {
                Class<?> type = resource.reflect();
                for (Method method : type.getDeclaredMethods()) {
                    Endpoint.of(type.getAnnotation(Path.class).value(), method).ifPresent(served::add);
                }
            }
        }
    }

    @Test
    void everyMethodThePortalCallsIsServedWithTheSameShape() {
        List<String> disagreements = new ArrayList<>();
        for (Method method : IdentityApi.class.getMethods()) {
            Endpoint called = Endpoint.of(IdentityApi.class.getAnnotation(Path.class).value(), method).orElseThrow();
            disagreements.addAll(disagreements(called, served));
        }
        assertEquals(List.of(), disagreements);
        assertEquals(41, IdentityApi.class.getMethods().length, "a method added to the contract is checked here too");
    }

    @Test
    void aMismatchIsReported() throws NoSuchMethodException {
        Endpoint wrongPath = Endpoint.of("/api/v1", Drifted.class.getMethod("identify",
                fi.city.login.identity.api.login.IdentifierRequest.class)).orElseThrow();
        Endpoint wrongHeader = Endpoint.of("/api/v1", Drifted.class.getMethod("session", String.class)).orElseThrow();
        assertTrue(disagreements(wrongPath, served).get(0).contains("nothing serves"));
        assertTrue(disagreements(wrongHeader, served).get(0).contains("headers"));
    }

    private static List<String> disagreements(Endpoint called, List<Endpoint> served) {
        Endpoint match = served.stream().filter(s -> s.verb.equals(called.verb) && s.path.equals(called.path))
                .findFirst().orElse(null);
        if (match == null) {
            return List.of(called + ": nothing serves " + called.verb + " " + called.path);
        }
        List<String> found = new ArrayList<>();
        if (!match.headers.equals(called.headers)) {
            found.add(called + ": headers " + called.headers + " but the resource reads " + match.headers);
        }
        if (!Objects.equals(match.body, called.body)) {
            found.add(called + ": body " + called.body + " but the resource reads " + match.body);
        }
        if (!match.response.equals(called.response)) {
            found.add(called + ": expects " + called.response + " but the resource answers " + match.response);
        }
        return found;
    }

    /** A method of the contract, described the same way on both sides. */
    private record Endpoint(String name, String verb, String path, Set<String> headers, Class<?> body, String response) {

        static java.util.Optional<Endpoint> of(String base, Method method) {
            String verb = Arrays.stream(method.getAnnotations())
                    .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                    .filter(Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
            if (verb == null) {
                return java.util.Optional.empty();
            }
            Path sub = method.getAnnotation(Path.class);
            String path = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
            Set<String> headers = new TreeSet<>();
            Class<?> body = null;
            for (Parameter parameter : method.getParameters()) {
                HeaderParam header = parameter.getAnnotation(HeaderParam.class);
                if (header != null) {
                    headers.add(header.value());
                } else if (!isJaxRsParameter(parameter)) {
                    body = parameter.getType();
                }
            }
            return java.util.Optional.of(new Endpoint(method.getDeclaringClass().getSimpleName() + "." + method.getName(),
                    verb, path, headers, body, method.getGenericReturnType().getTypeName()));
        }

        /** Query, path, form and context parameters: whatever is not the body. */
        private static boolean isJaxRsParameter(Parameter parameter) {
            return Arrays.stream(parameter.getAnnotations()).map(Annotation::annotationType).map(Class::getName)
                    .anyMatch(name -> name.startsWith("jakarta.ws.rs.") && !name.equals("jakarta.ws.rs.Encoded")
                            || name.startsWith("org.jboss.resteasy.reactive.Rest"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A client that drifted from the service: the path and the header were renamed on one side only. */
    @Path("/api/v1")
    interface Drifted {
        @jakarta.ws.rs.POST
        @Path("/login/identify")
        io.smallrye.mutiny.Uni<fi.city.login.identity.api.login.IdentifierResponse> identify(
                fi.city.login.identity.api.login.IdentifierRequest request);

        @jakarta.ws.rs.GET
        @Path("/session")
        io.smallrye.mutiny.Uni<fi.city.login.identity.api.login.SessionView> session(
                @HeaderParam("X-Session") String token);
    }
}
