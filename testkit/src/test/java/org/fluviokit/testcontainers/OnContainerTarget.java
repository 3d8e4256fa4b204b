package org.fluviokit.testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import org.fluviokit.client.FluvioTarget;
import org.fluviokit.client.spi.FluvioTargetProvider;
import org.fluviokit.client.spi.TargetSettings;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test that starts its own containers only when the configured target is {@code container}
 * and Docker answers: the runs on other targets never wait on Docker (a Docker engine that cannot
 * pull once held a fake-target run for 410 s in such a condition).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnContainerTarget.Condition.class)
@interface OnContainerTarget {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            TargetSettings settings = TargetSettings.of(context::getConfigurationParameter, System.getenv());
            if (!settings.targetName().equals("container")) {
                return ConditionEvaluationResult.disabled("starts Docker containers: runs on the container target only"
                        + " (-Dfluviokit.target=container), this run's target is " + settings.targetName());
            }
            FluvioTargetProvider provider = FluvioTarget.provider(settings);
            Optional<String> unavailable = provider.unavailable(settings);
            return unavailable.map(ConditionEvaluationResult::disabled)
                    .orElseGet(() -> ConditionEvaluationResult.enabled("Docker answers"));
        }
    }
}
