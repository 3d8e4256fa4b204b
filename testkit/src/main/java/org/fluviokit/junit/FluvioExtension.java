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
import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.Offset;
import org.fluviokit.client.TopicProducer;
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

    /** On a target other than the fake, tests that need the fake are skipped, with the reason (never passed). */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isContainer(context) && !Containers.dockerAvailable()) {
            // As Testcontainers' disabledWithoutDocker: visible as skipped, never passed.
            return ConditionEvaluationResult.disabled("Docker is not available: the container target runs"
                    + " Fluvio in a Docker container");
        }
        if (isFake(context)) {
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
        return ConditionEvaluationResult.enabled("runs on any target");
    }

    /** Anything but a cluster or a container counts as the fake here: an unknown name fails later, with its own message. */
    private static boolean isFake(ExtensionContext context) {
        Optional<FluvioTest.Target> target = configured(context).target();
        return target.isEmpty() || target.get() == FluvioTest.Target.FAKE;
    }

    private static boolean isContainer(ExtensionContext context) {
        return configured(context).target().filter(FluvioTest.Target.CONTAINER::equals).isPresent();
    }

    /**
     * The target's name as given, and where: the class's {@code @FluvioTest(target = …)} (of an
     * enclosing class for a nested one), else the configuration parameter or system property, else the
     * environment variable; the fake when none names one.
     */
    private static ConfiguredTarget configured(ExtensionContext context) {
        for (Class<?> type : testClasses(context)) {
            Optional<FluvioTest> annotation = AnnotationSupport.findAnnotation(type, FluvioTest.class);
            if (annotation.isPresent() && annotation.get().target() != FluvioTest.Target.CONFIGURED) {
                FluvioTest.Target pinned = annotation.get().target();
                return new ConfiguredTarget(pinned.name(), "@FluvioTest(target = " + pinned + ") on " + type.getSimpleName());
            }
        }
        Optional<String> property = context.getConfigurationParameter(FluvioTest.TARGET_PROPERTY);
        if (property.isPresent()) {
            return new ConfiguredTarget(property.get(), FluvioTest.TARGET_PROPERTY);
        }
        String environment = System.getenv(FluvioTest.TARGET_ENV);
        return environment != null ? new ConfiguredTarget(environment, FluvioTest.TARGET_ENV)
                : new ConfiguredTarget("fake", "the default");
    }

    /** A target name as configured ({@code given}) and where it came from. */
    private record ConfiguredTarget(String given, String source) {
        /** The target {@code given} names, in any case; empty for an unknown name. */
        Optional<FluvioTest.Target> target() {
            String name = given.trim().toUpperCase(Locale.ROOT);
            for (FluvioTest.Target target : FluvioTest.Target.values()) {
                if (target != FluvioTest.Target.CONFIGURED && target.name().equals(name)) {
                    return Optional.of(target);
                }
            }
            return Optional.empty();
        }
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

    /** Closed with the test's store, before the cluster (the store closes values in reverse order). */
    private static <T extends AutoCloseable> T closeAfterTest(ExtensionContext context, T resource) {
        context.getStore(NAMESPACE).put(new Object(), resource);
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
            return closeAfterTest(extensionContext, producer);
        }
        FluvioConsumer annotation = parameterContext.findAnnotation(FluvioConsumer.class).orElseThrow();
        return closeAfterTest(extensionContext, cluster.fluvio().consumerWithConfig(consumerConfig(annotation, parameter,
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
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        FluvioCluster cluster = store.get(CLUSTER_KEY, FluvioCluster.class);
        if (cluster == null) {
            cluster = TestCluster.connect(target(context));
            store.put(CLUSTER_KEY, cluster);
        }
        return cluster;
    }

    /**
     * A new fake broker per test, or the configured cluster seen through a prefix of this test's own,
     * so tests with fixed topic names do not meet on a shared cluster.
     */
    private static FluvioTarget target(ExtensionContext context) {
        ConfiguredTarget configured = configured(context);
        FluvioTest.Target target = configured.target().orElseThrow(() -> new ExtensionConfigurationException(
                "Unknown fluviokit target '" + configured.given() + "' (from " + configured.source()
                        + "): use 'fake', 'cluster' or 'container'"));
        switch (target) {
            case FAKE:
                return FluvioTarget.fake(FakeBroker.create());
            case CLUSTER:
                String endpoint = context.getConfigurationParameter(FluvioTarget.ENDPOINT_PROPERTY)
                        .orElseGet(() -> FluvioTarget.clusterEndpointFromEnvironment());
                return FluvioTarget.cluster(endpoint).isolated();
            case CONTAINER:
                String image = context.getConfigurationParameter(FluvioTest.CONTAINER_IMAGE_PROPERTY)
                        .orElse(FluvioTest.DEFAULT_CONTAINER_IMAGE);
                return FluvioTarget.cluster(Containers.sharedEndpoint(image)).isolated();
            default:
                throw new IllegalStateException("no target " + target);
        }
    }

    /** Testcontainers is optional: only this class touches it, and only for the container target. */
    private static final class Containers {
        static boolean dockerAvailable() {
            try {
                return org.fluviokit.testcontainers.FluvioContainer.isDockerAvailable();
            } catch (NoClassDefFoundError missing) {
                throw new ExtensionConfigurationException("The container target needs Testcontainers: add"
                        + " org.testcontainers:testcontainers to the test classpath", missing);
            }
        }

        static String sharedEndpoint(String image) {
            return org.fluviokit.testcontainers.FluvioContainer.shared(image).getEndpoint();
        }
    }

    /** A test's cluster and what was opened on it; closing it closes them in reverse order. */
    static final class TestCluster implements FluvioCluster, AutoCloseable {
        private final FakeBroker broker;
        private final Fluvio fluvio;
        private final List<AutoCloseable> opened = new ArrayList<>();

        private TestCluster(FakeBroker broker) {
            this.broker = broker;
            this.fluvio = Fluvio.connect(FluvioTarget.fake(broker));
        }

        /** A fake target's broker (closed with the handle), or a remote cluster. */
        static FluvioCluster connect(FluvioTarget target) {
            return target.fakeBroker().<FluvioCluster>map(TestCluster::new).orElseGet(() -> new RemoteCluster(target));
        }

        static TestCluster startFake() {
            return new TestCluster(FakeBroker.create());
        }

        static TestCluster of(FakeBroker broker) {
            return new TestCluster(broker);
        }

        <T extends AutoCloseable> T closeAfterTest(T resource) {
            synchronized (opened) {
                opened.add(resource);
            }
            return resource;
        }

        @Override
        public Fluvio fluvio() {
            return fluvio;
        }

        @Override
        public Fluvio newClient() {
            return closeAfterTest(Fluvio.connect(FluvioTarget.fake(broker)));
        }

        @Override
        public void restart() {
            broker.restart();
        }

        @Override
        public void advanceClock(Duration duration) {
            broker.advanceClock(duration);
        }

        @Override
        public Optional<FakeBroker> fakeBroker() {
            return Optional.of(broker);
        }

        @Override
        public boolean hasVirtualClock() {
            return broker.clock() instanceof org.fluviokit.fake.VirtualClock;
        }

        @Override
        public boolean canRestart() {
            return true;
        }

        @Override
        public String describe() {
            return "fake broker";
        }

        @Override
        public void close() {
            RuntimeException failure = null;
            List<AutoCloseable> toClose;
            synchronized (opened) {
                toClose = new ArrayList<>(opened);
                opened.clear();
            }
            java.util.Collections.reverse(toClose);
            toClose.add(fluvio);
            toClose.add(broker);
            for (AutoCloseable resource : toClose) {
                try {
                    resource.close();
                } catch (Exception e) {
                    RuntimeException wrapped = e instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("closing " + resource + " failed", e);
                    if (failure == null) {
                        failure = wrapped;
                    } else {
                        failure.addSuppressed(wrapped);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
