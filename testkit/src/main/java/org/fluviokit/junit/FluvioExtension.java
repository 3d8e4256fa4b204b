package org.fluviokit.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fluviokit.client.ConsumerConfig;
import org.fluviokit.client.ConsumerStream;
import org.fluviokit.client.Durations;
import org.fluviokit.client.Fluvio;
import org.fluviokit.client.FluvioAdmin;
import org.fluviokit.client.FluvioException;
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.Offset;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.fake.FakeBroker;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/** The extension behind {@link FluvioTest}: one cluster per test, kept in the test's store. */
final class FluvioExtension implements ExecutionCondition, BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(FluvioExtension.class);
    private static final String CLUSTER_KEY = "cluster";
    private static final String FAKE = "fake";

    /**
     * Skips, with the reason, what cannot run on the configured target: every test when the target
     * is unavailable here (no Docker, no {@code fluvio-run}), and on any target but the fake the
     * tests that need the fake. Never passes them.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        TargetSettings settings = settings(context);
        FluvioTargetProvider provider;
        try {
            provider = FluvioTarget.provider(settings);
        } catch (FluvioException unknown) {
            // Each test then fails with the configuration error, where a condition could only skip or crash.
            return ConditionEvaluationResult.enabled(unknown.getMessage());
        }
        Optional<String> unavailable = provider.unavailable(settings);
        if (unavailable.isPresent()) {
            return ConditionEvaluationResult.disabled(unavailable.get());
        }
        if (provider.name().equals(FAKE)) {
            return ConditionEvaluationResult.enabled("runs on the fake broker");
        }
        Optional<FakeOnly> fakeOnly = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, FakeOnly.class));
        if (fakeOnly.isPresent()) {
            return ConditionEvaluationResult.disabled("needs the fake broker: " + fakeOnly.get().value());
        }
        Optional<java.lang.reflect.Method> method = context.getTestMethod();
        if (method.isPresent()) {
            for (Parameter parameter : method.get().getParameters()) {
                if (parameter.getType() == FakeBroker.class) {
                    return ConditionEvaluationResult.disabled("needs the fake broker: it takes a FakeBroker parameter");
                }
            }
        }
        return ConditionEvaluationResult.enabled("runs on " + provider.name());
    }

    /**
     * Where the target comes from: the class's {@code @FluvioTest(target = …)} (of an enclosing class
     * for a nested one), else the configuration parameter or system property, else the environment.
     */
    private static TargetSettings settings(ExtensionContext context) {
        TargetSettings settings = TargetSettings.of(context::getConfigurationParameter, System.getenv());
        for (Class<?> type : testClasses(context)) {
            Optional<FluvioTest> annotation = AnnotationSupport.findAnnotation(type, FluvioTest.class);
            if (annotation.isPresent() && annotation.get().target() != FluvioTest.Target.CONFIGURED) {
                FluvioTest.Target pinned = annotation.get().target();
                return settings.with(FluvioTarget.TARGET_PROPERTY, pinned.name().toLowerCase(Locale.ROOT),
                        "@FluvioTest(target = " + pinned + ") on " + type.getSimpleName());
            }
        }
        return settings;
    }

    /** The test class and, for a {@code @Nested} one, the classes it is nested in: innermost first. */
    private static List<Class<?>> testClasses(ExtensionContext context) {
        List<Class<?>> classes = new ArrayList<>();
        Class<?> type = context.getTestClass().orElse(null);
        while (type != null) {
            classes.add(type);
            boolean nested = type.isMemberClass() && !java.lang.reflect.Modifier.isStatic(type.getModifiers());
            type = nested ? type.getEnclosingClass() : null;
        }
        return classes;
    }

    private static FluvioTargetProvider provider(TargetSettings settings) {
        try {
            return FluvioTarget.provider(settings);
        } catch (FluvioException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /**
     * What a parameter was given, kept in the test's store under the parameter: closed after the test,
     * before the cluster (the store closes values in reverse order of insertion).
     */
    private static <T extends AutoCloseable> T closeAfterTest(ExtensionContext context, ParameterContext parameter,
                                                              T resource) {
        context.getStore(NAMESPACE).put(parameter.getDeclaringExecutable() + " #" + parameter.getIndex(), resource);
        return resource;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FluvioCluster cluster = cluster(context);
        for (Topic topic : declaredTopics(context).values()) {
            cluster.fluvio().admin().createTopic(topic.value(), topic.partitions());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == Fluvio.class || type == FluvioCluster.class || type == FluvioAdmin.class
                || type == FakeBroker.class) {
            return true;
        }
        if (type == TopicProducer.class) {
            return parameterContext.isAnnotated(FluvioProducer.class);
        }
        if (type == ConsumerStream.class) {
            return parameterContext.isAnnotated(FluvioConsumer.class);
        }
        return false;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        if (extensionContext.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@FluvioTest gives every test its own cluster, so it injects ["
                    + parameter + "] into test methods and @BeforeEach/@AfterEach methods only, not into constructors"
                    + " or @BeforeAll methods");
        }
        FluvioCluster cluster = cluster(extensionContext);
        Class<?> type = parameter.getType();
        if (type == Fluvio.class) {
            return cluster.fluvio();
        }
        if (type == FluvioCluster.class) {
            return cluster;
        }
        if (type == FluvioAdmin.class) {
            return cluster.fluvio().admin();
        }
        if (type == FakeBroker.class) {
            // Not a failure: the test needs what only the fake can do; on a cluster it is skipped.
            return cluster.fakeBroker().orElseThrow(() -> new TestAbortedException(
                    "[" + parameter + "] needs the fake broker; this test runs against " + cluster.describe()));
        }
        if (type == TopicProducer.class) {
            FluvioProducer annotation = parameterContext.findAnnotation(FluvioProducer.class).orElseThrow();
            String topic = topicFor(annotation.value(), parameter, extensionContext);
            TopicProducer producer = annotation.partition() >= 0
                    ? cluster.fluvio().topicProducer(topic, annotation.partition())
                    : cluster.fluvio().topicProducer(topic);
            return closeAfterTest(extensionContext, parameterContext, producer);
        }
        FluvioConsumer annotation = parameterContext.findAnnotation(FluvioConsumer.class).orElseThrow();
        return closeAfterTest(extensionContext, parameterContext, cluster.fluvio().consumerWithConfig(consumerConfig(annotation, parameter,
                extensionContext)));
    }

    private ConsumerConfig consumerConfig(FluvioConsumer annotation, Parameter parameter, ExtensionContext context) {
        ConsumerConfig.Builder builder = ConsumerConfig.builder()
                .topic(topicFor(annotation.topic(), parameter, context))
                .offsetStrategy(annotation.strategy())
                .disableContinuous(annotation.disableContinuous());
        try {
            builder.offsetStart(Offset.parse(annotation.start()));
            builder.offsetFlush(Durations.parse(annotation.flush()));
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("@FluvioConsumer on [" + parameter + "]: " + e.getMessage(), e);
        }
        for (int partition : annotation.partitions()) {
            builder.partition(partition);
        }
        if (!annotation.consumer().isEmpty()) {
            builder.offsetConsumer(annotation.consumer());
        }
        return builder.build();
    }

    private String topicFor(String named, Parameter parameter, ExtensionContext context) {
        if (!named.isEmpty()) {
            return named;
        }
        Map<String, Topic> topics = declaredTopics(context);
        if (topics.size() != 1) {
            throw new ParameterResolutionException("[" + parameter + "] names no topic and the test declares "
                    + topics.size() + " @Topic annotations " + topics.keySet() + ": name the topic on the parameter");
        }
        return topics.keySet().iterator().next();
    }

    /**
     * Topics of the enclosing classes of a {@code @Nested} test, then of its class, then of the
     * method; an inner declaration may redeclare an outer topic with other partitions.
     */
    private static Map<String, Topic> declaredTopics(ExtensionContext context) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        List<AnnotatedElement> elements = new ArrayList<>(testClasses(context));
        java.util.Collections.reverse(elements);
        context.getTestMethod().ifPresent(elements::add);
        for (AnnotatedElement element : elements) {
            for (Topic topic : AnnotationSupport.findRepeatableAnnotations(element, Topic.class)) {
                topics.put(topic.value(), topic);
            }
        }
        return topics;
    }

    private static FluvioCluster cluster(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(CLUSTER_KEY, key -> openCluster(context), FluvioCluster.class);
    }

    /**
     * A new fake broker per test, or the configured cluster, opened once per JVM (kept and closed by
     * JUnit's root store), seen through a prefix of this test's own so that tests with fixed topic
     * names do not meet on a shared cluster.
     */
    private static FluvioCluster openCluster(ExtensionContext context) {
        TargetSettings settings = settings(context);
        FluvioTargetProvider provider = provider(settings);
        if (provider.name().equals(FAKE)) {
            return new FakeCluster(FakeBroker.create());
        }
        String key = "target " + provider.name() + " " + settings.get(FluvioTarget.ENDPOINT_PROPERTY).orElse("");
        FluvioTarget shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> open(provider, settings), FluvioTarget.class);
        return new RemoteCluster(shared.isolated());
    }

    private static FluvioTarget open(FluvioTargetProvider provider, TargetSettings settings) {
        try {
            return provider.open(settings);
        } catch (FluvioException | IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Cannot open the fluviokit target '" + provider.name() + "': "
                    + e.getMessage(), e);
        }
    }
}
