package fi.city.login.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The objects of a folder of Kubernetes manifests (every document of every {@code .yaml} but the kustomization). */
final class Manifests {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private Manifests() {
    }

    static List<JsonNode> in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<JsonNode> objects = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                objects.addAll(read(file));
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (YAMLParser parser = YAML.createParser(file.toFile())) {
            for (var documents = MAPPER.readValues(parser, JsonNode.class); documents.hasNextValue(); ) {
                JsonNode object = documents.nextValue();
                if (object != null && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** The repository's {@code k8s/base} folder, from this module's folder or the root. */
    static Path baseFolder() {
        Path here = Path.of("").toAbsolutePath();
        Path folder = Files.isDirectory(here.resolve("k8s/base")) ? here.resolve("k8s/base") : here.getParent().resolve("k8s/base");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no k8s/ beside " + here);
        }
        return folder;
    }
}
