package fi.city.login.identity.support;

import fi.city.login.infra.quarkus.KafkaTestResource;
import fi.city.login.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The identity-service's tests run against a real PostgreSQL and a real Kafka broker. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "identity"))
@QuarkusTestResource(KafkaTestResource.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RealServers {
}
