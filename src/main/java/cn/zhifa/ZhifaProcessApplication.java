package cn.zhifa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The process application "zhifa": every BPMN, DMN and Camunda Form under {@code processes/} on the classpath goes
 * into the one deployment of the process archive declared in {@code META-INF/processes.xml} (its name,
 * deploy-changed-only and resume-previous-versions), registered with this application, so that
 * {@code camunda:formRef} with binding {@code deployment} resolves.
 * <p>
 * Camunda's own process-archive scanner reads directories and plain jars only; in the jar that {@code java -jar}
 * runs, the resources sit in Spring Boot's nested {@code BOOT-INF/classes} and the scanner finds none. Spring's
 * resource resolver reads both, so the archive turns scanning off and the resources come from here, the same way in
 * {@code spring-boot:run}, in tests and in the packaged jar.
 */
class ZhifaProcessApplication extends SpringBootProcessApplication {

    static final String ROOT = "processes/";
    static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

    @Override
    public void createDeployment(String processArchiveName, DeploymentBuilder deployment) {
        resources(getApplicationContext()).forEach((name, resource) -> {
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(name, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        });
    }

    /**
     * The deployable resources by their name relative to {@code processes/} (e.g. {@code forms/review-intake.form}),
     * the names the scanner gave them, so a running installation sees no change. Every classpath root counts (tests
     * add their own {@code processes/}); one name in two roots is a mistake, not an override.
     */
    static Map<String, Resource> resources(ResourcePatternResolver resolver) {
        Map<String, Resource> found = new TreeMap<>();
        try {
            for (Resource root : resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + ROOT)) {
                for (Resource resource : resolver.getResources(root.getURL() + "**/*")) {
                    String name = nameBelow(root, resource);
                    if (SUFFIXES.stream().anyMatch(name::endsWith) && resource.isReadable()) {
                        Resource other = found.putIfAbsent(name, resource);
                        if (other != null) {
                            throw new IllegalStateException("two deployment resources named " + name + ": " + other
                                    + " and " + resource);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ROOT + " on the classpath", e);
        }
        return found;
    }

    private static String nameBelow(Resource root, Resource resource) throws IOException {
        if (resource.isFile()) {
            // a classpath directory (target/classes): the resolver hands out file paths, not the root's URL form
            return root.getFile().toPath().relativize(resource.getFile().toPath()).toString().replace('\\', '/');
        }
        // a jar entry, nested or not: the resolver builds it from the root's URL
        String rootUrl = root.getURL().toString();
        String url = resource.getURL().toString();
        if (!url.startsWith(rootUrl)) {
            throw new IllegalStateException(url + " is not below " + rootUrl);
        }
        return url.substring(rootUrl.length());
    }
}
