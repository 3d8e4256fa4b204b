package org.fluviokit.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
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
import org.fluviokit.client.TopicMetadata;
import org.fluviokit.client.TopicProducer;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.fluviokit.fake.FakeBroker;
import org.fluviokit.fake.VirtualClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
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

/**
 * The extension behind {@link FluvioTest}. Everything it opens lives in JUnit's stores, which close
 * it: the cluster in the store of the test (or of the class, {@link FluvioTest.Lifecycle#PER_CLASS}),
 * what a parameter was given in the store of the test, under the parameter, and a target shared by
 * the JVM (a cluster, a local cluster, a container) in the root store.
 */
final class FluvioExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(FluvioExtension.class);
    private static final String CLUSTER_KEY = "cluster";
    private static final String METHOD_TOPICS_KEY = "topics of the method";
    private static final String FAKE = "fake";

    // ---------------------------------------------------------------- conditions

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

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass(context)) {
            FluvioCluster cluster = cluster(context);
            for (Declared<Topic> topic : classTopics(context).values()) {
                create(cluster, topic);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FluvioCluster cluster = cluster(context);
        Map<String, Declared<Topic>> topics = perClass(context) ? methodTopics(context) : allTopics(context);
        List<String> created = new ArrayList<>();
        for (Declared<Topic> topic : topics.values()) {
            create(cluster, topic);
            created.add(topic.annotation().value());
        }
        if (perClass(context) && !created.isEmpty()) {
            // A shared cluster outlives the test: what the test declared for itself goes with it.
            context.getStore(NAMESPACE).put(METHOD_TOPICS_KEY, created);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        List<String> created = context.getStore(NAMESPACE).remove(METHOD_TOPICS_KEY, List.class);
        if (created != null) {
            FluvioCluster cluster = cluster(context);
            for (String topic : created) {
                cluster.fluvio().admin().deleteTopic(topic);
            }
        }
    }

    /** Creates a declared topic; a refusal names the annotation and where it stands, with Fluvio's error as the cause. */
    private static void create(FluvioCluster cluster, Declared<Topic> topic) {
        try {
            cluster.fluvio().admin().createTopic(topic.annotation().value(), topic.annotation().partitions());
        } catch (FluvioException e) {
            throw new ExtensionConfigurationException(describe(topic.annotation()) + " on " + topic.where() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String describe(Topic topic) {
        return topic.partitions() == 1 ? "@Topic(\"" + topic.value() + "\")"
                : "@Topic(value = \"" + topic.value() + "\", partitions = " + topic.partitions() + ")";
    }

    // ---------------------------------------------------------------- parameters

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
        if (extensionContext.getTestMethod().isEmpty() && !perClass(extensionContext)) {
            throw new ParameterResolutionException("@FluvioTest gives every test its own cluster, so it injects "
                    + name(parameterContext) + " into test methods and @BeforeEach/@AfterEach methods only, not into"
                    + " constructors or @BeforeAll methods; @FluvioTest(lifecycle = PER_CLASS) shares one cluster per"
                    + " class and injects there too");
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
                    name(parameterContext) + " needs the fake broker; this test runs against " + cluster.describe()));
        }
        if (type == TopicProducer.class) {
            FluvioProducer annotation = parameterContext.findAnnotation(FluvioProducer.class).orElseThrow();
            String where = describe(annotation) + " on " + name(parameterContext);
            String topic = topicFor(annotation.value(), where, extensionContext);
            TopicProducer producer = refusedWith(where, () -> producer(cluster, topic, annotation.partition()));
            return closeAfterTest(extensionContext, parameterContext, producer);
        }
        FluvioConsumer annotation = parameterContext.findAnnotation(FluvioConsumer.class).orElseThrow();
        String where = "@FluvioConsumer on " + name(parameterContext);
        ConsumerConfig config = consumerConfig(annotation, where, extensionContext);
        ConsumerStream stream = refusedWith(where, () -> cluster.fluvio().consumerWithConfig(config));
        return closeAfterTest(extensionContext, parameterContext, stream);
    }

    /**
     * A producer, checked as a consumer is: a partition the topic does not have fails here, at
     * injection, not at the first send (where Fluvio's producer would notice it).
     */
    private static TopicProducer producer(FluvioCluster cluster, String topic, int partition) {
        TopicProducer producer = partition >= 0 ? cluster.fluvio().topicProducer(topic, partition)
                : cluster.fluvio().topicProducer(topic);
        if (partition >= 0) {
            int partitions = cluster.fluvio().admin().listTopics().stream().filter(t -> t.name().equals(topic))
                    .findFirst().map(TopicMetadata::partitions).map(List::size).orElse(0);
            if (partition >= partitions) {
                producer.close();
                throw new FluvioException(org.fluviokit.protocol.ErrorCode.NOT_LEADER_FOR_PARTITION,
                        "Partition not found: " + topic + "-" + partition + " (the topic has " + partitions
                                + (partitions == 1 ? " partition)" : " partitions)"));
            }
        }
        return producer;
    }

    private static String describe(FluvioProducer annotation) {
        List<String> attributes = new ArrayList<>();
        if (!annotation.value().isEmpty()) {
            attributes.add("\"" + annotation.value() + "\"");
        }
        if (annotation.partition() >= 0) {
            attributes.add("partition = " + annotation.partition());
        }
        return "@FluvioProducer" + (attributes.isEmpty() ? "" : "(" + String.join(", ", attributes) + ")");
    }

    /**
     * Runs {@code action}; Fluvio's refusal (its own text, as a real cluster would say it) becomes the
     * cause of an error that says which annotation and parameter asked for it, and, for a topic that
     * does not exist, how to create it.
     */
    private static <T> T refusedWith(String where, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (FluvioException e) {
            String advice = e.errorCode() == org.fluviokit.protocol.ErrorCode.TOPIC_NOT_FOUND
                    ? " (declare the topic with @Topic on the test class or method, and the test creates it)" : "";
            throw new ParameterResolutionException(where + ": " + e.getMessage() + advice, e);
        }
    }

    private ConsumerConfig consumerConfig(FluvioConsumer annotation, String where, ExtensionContext context) {
        ConsumerConfig.Builder builder = ConsumerConfig.builder()
                .topic(topicFor(annotation.topic(), where, context))
                .offsetStrategy(annotation.strategy())
                .disableContinuous(annotation.disableContinuous());
        try {
            builder.offsetStart(Offset.parse(annotation.start()));
            builder.offsetFlush(Durations.parse(annotation.flush()));
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(where + ": " + e.getMessage(), e);
        }
        for (int partition : annotation.partitions()) {
            builder.partition(partition);
        }
        if (!annotation.consumer().isEmpty()) {
            builder.offsetConsumer(annotation.consumer());
        }
        return builder.build();
    }

    private String topicFor(String named, String where, ExtensionContext context) {
        if (!named.isEmpty()) {
            return named;
        }
        Map<String, Declared<Topic>> topics = allTopics(context);
        if (topics.isEmpty()) {
            throw new ParameterResolutionException(where + " names no topic and the test declares none: add"
                    + " @Topic(\"name\") to the test class or method (the test then creates it) and leave the topic"
                    + " out here, or name it here too");
        }
        if (topics.size() > 1) {
            throw new ParameterResolutionException(where + " names no topic and the test declares " + topics.size()
                    + " (" + String.join(", ", topics.keySet()) + "): name the one to use here");
        }
        return topics.keySet().iterator().next();
    }

    /**
     * A parameter as a reader of the test finds it: its name when the class was compiled with
     * {@code -parameters}, else its position and type, and the method it belongs to.
     */
    private static String name(ParameterContext context) {
        Parameter parameter = context.getParameter();
        Executable executable = context.getDeclaringExecutable();
        String owner = executable.getDeclaringClass().getSimpleName()
                + (executable instanceof java.lang.reflect.Constructor ? "" : "." + executable.getName()) + "(…)";
        String which = parameter.isNamePresent() ? "'" + parameter.getName() + "'"
                : "#" + (context.getIndex() + 1) + " (" + parameter.getType().getSimpleName() + ")";
        return "parameter " + which + " of " + owner;
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

    // ---------------------------------------------------------------- declared topics

    /** An annotation and where it was found, for messages. */
    private record Declared<A>(A annotation, String where) {
    }

    /** Every topic the test sees: of the enclosing classes, the class, then the method (an inner one wins). */
    private static Map<String, Declared<Topic>> allTopics(ExtensionContext context) {
        Map<String, Declared<Topic>> topics = classTopics(context);
        topics.putAll(methodTopics(context));
        return topics;
    }

    /** Topics of the enclosing classes of a {@code @Nested} test, then of its class. */
    private static Map<String, Declared<Topic>> classTopics(ExtensionContext context) {
        Map<String, Declared<Topic>> topics = new LinkedHashMap<>();
        List<Class<?>> classes = testClasses(context);
        Collections.reverse(classes);
        for (Class<?> type : classes) {
            add(topics, type, type.getSimpleName());
        }
        return topics;
    }

    private static Map<String, Declared<Topic>> methodTopics(ExtensionContext context) {
        Map<String, Declared<Topic>> topics = new LinkedHashMap<>();
        context.getTestMethod().ifPresent(method -> add(topics, method,
                method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()"));
        return topics;
    }

    private static void add(Map<String, Declared<Topic>> topics, AnnotatedElement element, String where) {
        for (Topic topic : AnnotationSupport.findRepeatableAnnotations(element, Topic.class)) {
            topics.put(topic.value(), new Declared<>(topic, where));
        }
    }

    // ---------------------------------------------------------------- targets and clusters

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
            boolean nested = type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
            type = nested ? type.getEnclosingClass() : null;
        }
        return classes;
    }

    private static boolean perClass(ExtensionContext context) {
        return testClasses(context).stream()
                .map(type -> AnnotationSupport.findAnnotation(type, FluvioTest.class))
                .flatMap(Optional::stream)
                .findFirst()
                .map(annotation -> annotation.lifecycle() == FluvioTest.Lifecycle.PER_CLASS)
                .orElse(false);
    }

    /** The context that owns the cluster: the test's, or its class's under {@link FluvioTest.Lifecycle#PER_CLASS}. */
    private static ExtensionContext owner(ExtensionContext context) {
        if (!perClass(context)) {
            return context;
        }
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() || owner.getElement().filter(Class.class::isInstance).isEmpty()) {
            owner = owner.getParent().orElseThrow();
        }
        return owner;
    }

    private static FluvioCluster cluster(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(CLUSTER_KEY, key -> openCluster(owner), FluvioCluster.class);
    }

    /**
     * A new fake broker, built as {@link FakeBrokerSettings} says, or the configured cluster, opened
     * once per JVM (kept and closed by JUnit's root store), seen through a prefix of its own so that
     * tests with fixed topic names do not meet on a shared cluster.
     */
    private static FluvioCluster openCluster(ExtensionContext context) {
        TargetSettings settings = settings(context);
        FluvioTargetProvider provider;
        try {
            provider = FluvioTarget.provider(settings);
        } catch (FluvioException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        if (provider.name().equals(FAKE)) {
            return new FakeCluster(fakeBroker(context));
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

    private static FakeBroker fakeBroker(ExtensionContext context) {
        List<AnnotatedElement> nearestFirst = new ArrayList<>();
        context.getTestMethod().ifPresent(nearestFirst::add);
        nearestFirst.addAll(testClasses(context));
        for (AnnotatedElement element : nearestFirst) {
            Optional<FakeBrokerSettings> settings = AnnotationSupport.findAnnotation(element, FakeBrokerSettings.class);
            if (settings.isPresent()) {
                try {
                    return fakeBroker(settings.get());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new ExtensionConfigurationException("@FakeBrokerSettings on " + simpleName(element) + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return FakeBroker.create();
    }

    private static FakeBroker fakeBroker(FakeBrokerSettings settings) {
        FakeBroker.Builder builder = FakeBroker.builder().spuCount(settings.spuCount()).maxBatchBytes(settings.maxBatchBytes());
        if (settings.realClock()) {
            if (!settings.clockStart().isEmpty()) {
                throw new IllegalArgumentException("a real clock cannot start at " + settings.clockStart());
            }
            builder.clock(Clock.systemUTC());
        } else if (!settings.clockStart().isEmpty()) {
            builder.clock(VirtualClock.startingAt(Instant.parse(settings.clockStart())));
        }
        return builder.build();
    }

    private static String simpleName(AnnotatedElement element) {
        return element instanceof Class<?> type ? type.getSimpleName()
                : element instanceof java.lang.reflect.Method method
                        ? method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()" : element.toString();
    }
}
