package org.fluviokit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.fluviokit.cli.CliHarness.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code fluvio topic create | delete | list} (spec 2.3, K2, K3, L3). */
class TopicCommandsTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void createsATopic() {
        assertThat(cli.run("topic", "create", "hello-topic")).isEqualTo(new Result(0, "topic \"hello-topic\" created\n", ""));
        assertThat(cli.run("topic", "create", "hello-topic")).isEqualTo(new Result(1, "", "Topic already exists\n"));
    }

    @Test
    void aDryRunCreatesNothing() {
        assertThat(cli.run("topic", "create", "dry", "--dry-run")).isEqualTo(new Result(0, "topic \"dry\" created\n", ""));
        assertThat(cli.run("topic", "list")).isEqualTo(new Result(0, "No topics found\n", ""));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "Hello|Invalid argument: Invalid Topic name Hello. Contain only lowercase alphanumeric characters or '-'",
        "a_b|Invalid argument: Invalid Topic name a_b. Contain only lowercase alphanumeric characters or '-'",
        "ab-|Invalid argument: Invalid Topic name ab-. Contain only lowercase alphanumeric characters or '-'",
        "'  '|Invalid argument: Topic name is required",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|Invalid argument: Invalid Topic name"
                + " aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa. Name exceeds max characters allowed 63",
    })
    void refusesBadNamesBeforeAskingTheCluster(String name, String message) { // L3
        assertThat(cli.run("topic", "create", name)).isEqualTo(new Result(1, "", message + "\n"));
    }

    @Test
    void aLeadingHyphenNeedsADoubleDashAndIsThenRefused() { // L3
        assertThat(cli.run("topic", "create", "--", "-ab")).isEqualTo(new Result(1, "",
                "Invalid argument: Invalid Topic name -ab. Contain only lowercase alphanumeric characters or '-'\n"));
        assertThat(cli.run("topic", "create", "-ab")).isEqualTo(new Result(2, "",
                "error: unexpected argument '-a' found\n\n  tip: to pass '-a' as a value, use '-- -a'\n\n"
                        + "Usage: fluvio topic create [OPTIONS] [name]\n\nFor more information, try '--help'.\n"));
    }

    @Test
    void aMissingNameIsRequiredToo() { // L3
        assertThat(cli.run("topic", "create")).isEqualTo(new Result(1, "", "Invalid argument: Topic name is required\n"));
    }

    @Test
    void listsTopicsInATable() { // 2.3
        cli.ok("topic", "create", "hello-topic");
        cli.ok("topic", "create", "orders", "-p", "3", "--retention-time", "1h 30m", "--compression-type", "gzip");
        assertThat(cli.run("topic", "list")).isEqualTo(new Result(0,
                "  NAME         TYPE      PARTITIONS  REPLICAS  RETENTION TIME  COMPRESSION  DEDUPLICATION  STATUS                   REASON \n"
                        + "  hello-topic  computed  1           1         7days           any          none           resolution::provisioned         \n"
                        + "  orders       computed  3           1         1h 30m          gzip         none           resolution::provisioned         \n",
                ""));
    }

    @Test
    void systemTopicsOnlyWithSystem() { // K2
        cli.ok("topic", "create", "user");
        assertThat(cli.run("topic", "list", "-O", "json").stdout()).contains("\"name\": \"user\"").doesNotContain("consumer-offset");
        assertThat(cli.run("topic", "list", "-s", "-O", "json").stdout()).startsWith("[\n  {\n    \"name\": \"consumer-offset\",")
                .doesNotContain("\"user\"");
    }

    @Test
    void listsTopicsAsJsonAndYaml() { // 2.3
        cli.ok("topic", "create", "t", "-p", "2", "--retention-time", "2h");
        assertThat(cli.run("topic", "list", "-O", "json")).isEqualTo(new Result(0, """
                [
                  {
                    "name": "t",
                    "spec": {
                      "replicas": {
                        "computed": {
                          "partitions": 2,
                          "replicationFactor": 1,
                          "ignoreRackAssignment": false
                        }
                      },
                      "cleanupPolicy": {
                        "segment": {
                          "timeInSeconds": 7200
                        }
                      },
                      "compressionType": "Any",
                      "system": false
                    },
                    "status": {
                      "resolution": "Provisioned",
                      "replicaMap": {
                        "0": [
                          5001
                        ],
                        "1": [
                          5001
                        ]
                      },
                      "mirrorMap": {},
                      "reason": ""
                    }
                  }
                ]
                """, ""));
        assertThat(cli.run("topic", "list", "-O", "yaml")).isEqualTo(new Result(0, """
                - name: t
                  spec:
                    replicas: !computed
                      partitions: 2
                      replicationFactor: 1
                      ignoreRackAssignment: false
                    cleanupPolicy: !segment
                      timeInSeconds: 7200
                    compressionType: Any
                    system: false
                  status:
                    resolution: Provisioned
                    replicaMap:
                      0:
                      - 5001
                      1:
                      - 5001
                    mirrorMap: {}
                    reason: ''

                """, ""));
    }

    @Test
    void deletesSeveralTopics() { // 2.3
        cli.ok("topic", "create", "a");
        cli.ok("topic", "create", "b");
        assertThat(cli.run("topic", "delete", "a", "b")).isEqualTo(new Result(0, "topic \"a\" deleted\ntopic \"b\" deleted\n", ""));
        assertThat(cli.run("topic", "delete", "a")).isEqualTo(new Result(1, "", "Topic not found\n"));
    }

    @Test
    void continueOnErrorCollectsFailures() { // 2.3
        cli.ok("topic", "create", "b");
        assertThat(cli.run("topic", "delete", "-c", "a", "b")).isEqualTo(new Result(1,
                "topic \"a\" delete failed with: Topic not found\ntopic \"b\" deleted\n",
                "Failed deleting topic(s). Check previous errors.\n"));
    }

    @Test
    void theSystemTopicOnlyGoesForcibly() { // K3
        assertThat(cli.run("topic", "delete", "consumer-offset"))
                .isEqualTo(new Result(1, "", "system topic 'consumer-offset' can only be deleted forcibly\n"));
        assertThat(cli.run("topic", "delete", "consumer-offset", "--system", "--force"))
                .isEqualTo(new Result(0, "system topic \"consumer-offset\" deleted\n", ""));
    }

    @Test
    void withoutForceTheSystemTopicNeedsAYes() { // K3
        String question = "You are trying to delete a system topic 'consumer-offset'. It can affect the functioning of the"
                + " cluster.\n" + " ".repeat(29) + "\nAre you sure you want to proceed? (y/n)\n";
        assertThat(cli.runWithStdin("n\n", "topic", "delete", "consumer-offset", "-s"))
                .isEqualTo(new Result(0, question + "Aborted\n", ""));
        assertThat(cli.runWithStdin("Yes\n", "topic", "delete", "consumer-offset", "-s"))
                .isEqualTo(new Result(0, question + "system topic \"consumer-offset\" deleted\n", ""));
    }

    @Test
    void deletingATopicDeletesItsConsumers() { // J1
        cli.ok("topic", "create", "t");
        cli.produce("t", "x\n");
        cli.ok("consume", "t", "-c", "c", "-Bd");
        cli.ok("topic", "delete", "t");
        assertThat(cli.run("consumer", "list")).isEqualTo(new Result(0, "No consumers found\n", ""));
    }

    @Test
    void aBadRetentionTime() {
        assertThat(cli.run("topic", "create", "t", "--retention-time", "soon")).isEqualTo(new Result(2, "",
                "error: invalid value 'soon' for '--retention-time <time>': expected number at 0\n\n"
                        + "For more information, try '--help'.\n"));
    }

    @Test
    void topicNeedsASubcommand() {
        Result result = cli.run("topic", "remove", "x");
        assertThat(result).isEqualTo(new Result(2, "", "error: unrecognized subcommand 'remove'\n\n"
                + "Usage: fluvio topic <COMMAND>\n\nFor more information, try '--help'.\n"));
    }
}
