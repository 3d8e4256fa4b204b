package org.fluviokit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks an example test class that only runs when a test runs it through the engine test kit
 * (which sets {@value #PARAMETER}), never on its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Example.OnlyWhenRunAsExample.class)
@interface Example {

    String PARAMETER = "fluviokit.examples";

    final class OnlyWhenRunAsExample implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run as an example")
                    : ConditionEvaluationResult.disabled("an example, run by another test");
        }
    }
}
