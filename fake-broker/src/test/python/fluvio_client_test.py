#!/usr/bin/env python3
"""Fluvio's official Python client (``pip install fluvio==0.21.0``) against a Fluvio cluster.

Written for fluviokit's fake broker (run by ``PythonClientTest``), and kept true to a real
cluster: every expectation here also holds against a real Fluvio 0.18 cluster.

Usage::

    FLV_PROFILE_PATH=/path/to/profile python3 fluvio_client_test.py [CASE ...]

The cluster is the current profile of ``$FLV_PROFILE_PATH`` (else ``~/.fluvio/config``).
Topic and consumer names carry a random suffix (or ``$FLUVIOKIT_SUFFIX``), so runs never
collide. Without CASE arguments every case runs, in order (later cases use what earlier ones
produced); ``smoke`` runs a short connect/produce/consume check on its own.

The restart case asks for a broker restart in the middle, as ``$FLUVIOKIT_RESTART`` says:

* ``stdio``: print the line ``@@fluviokit restart`` and wait for a line on standard input
  (the JUnit test restarts the broker, then answers);
* ``command:SHELL COMMAND``: run the command (e.g. stop and start a real cluster);
* unset or ``none``: no restart (the case then only checks a reconnect).

Exit code 0 when every case passed, 1 otherwise; each case prints PASS or FAIL with the reason.
"""

import os
import random
import subprocess
import sys
import time
import traceback

try:
    from fluvio import (
        ConsumerConfigExtBuilder,
        Fluvio,
        FluvioAdmin,
        Offset,
        OffsetManagementStrategy,
        TopicSpec,
    )
except ImportError as e:  # the JUnit test checks this first and says how to install it
    print("cannot import the Fluvio Python client (pip install fluvio==0.21.0): %s" % e)
    sys.exit(2)

SUFFIX = os.environ.get("FLUVIOKIT_SUFFIX") or "%05d" % random.randint(0, 99999)
ONE = "py-one-" + SUFFIX  # 1 partition
TWO = "py-two-" + SUFFIX  # 2 partitions
GONE = "py-gone-" + SUFFIX  # deleted and recreated
KEPT = "py-kept-" + SUFFIX  # across the restart
MANUAL = "py-manual-" + SUFFIX
AUTO = "py-auto-" + SUFFIX
DELETED = "py-deleted-" + SUFFIX
RESTART = "py-restart-" + SUFFIX
DEAD = "py-dead-" + SUFFIX  # a topic and a consumer whose connections the harness drops
CONSUMERS = {MANUAL, AUTO, DELETED, RESTART}

state = {}


def log(text):
    print(text, flush=True)


# ------------------------------------------------------------------ helpers


def fluvio():
    if "fluvio" not in state:
        state["fluvio"] = Fluvio.connect()
    return state["fluvio"]


def admin():
    if "admin" not in state:
        state["admin"] = FluvioAdmin.connect()
    return state["admin"]


def config(topic, partition=None, consumer=None, strategy=None, continuous=True, start=None):
    builder = ConsumerConfigExtBuilder(topic)
    if partition is not None:
        builder.partition(partition)
    builder.offset_start(start if start is not None else Offset.beginning())
    if consumer is not None:
        builder.offset_consumer(consumer)
    if strategy is not None:
        builder.offset_strategy(strategy)
    if not continuous:
        builder.disable_continuous(True)
    return builder.build()


def read_all(client, topic, partition=None, consumer=None, strategy=None):
    """Every record from the start (or the consumer's stored offset + 1) to the end, then stop."""
    stream = client.consumer_with_config(
        config(topic, partition, consumer, strategy, continuous=False))
    return [(r.offset(), bytes(r.key()), r.value_string()) for r in stream]


def stored(client=None):
    """This run's stored consumer offsets: {(consumer, topic, partition): offset}."""
    client = client or fluvio()
    return {(o.consumer_id, o.topic, o.partition): o.offset
            for o in client.consumer_offsets() if o.consumer_id in CONSUMERS}


def eventually(what, check, seconds=5.0):
    """For fire-and-forget client actions (the flush a dropped stream sends): poll until check() holds."""
    deadline = time.time() + seconds
    while True:
        value = check()
        if value is True:
            return
        if time.time() > deadline:
            raise AssertionError("%s: still %r after %.0f s" % (what, value, seconds))
        time.sleep(0.05)


def create_topic(name, spec=None):
    """Creates a topic and waits until this run's client sees it.

    The admin handle has its own SC connection: the SC pushes the new topic to the client's
    metadata watches before it answers the Create (spec §6.3), but the client applies those
    updates asynchronously, so right after the Create its cache may not have the topic yet.
    """
    if spec is None:
        admin().create_topic(name)
    else:
        admin().create_topic(name, spec)

    def seen():
        try:
            fluvio().topic_producer(name)
            return True
        except Exception as e:  # "Topic not found" until the metadata update is applied
            return str(e)

    eventually("topic %s in the client's metadata" % name, seen)


def send(producer, key, value):
    """Produces one record and waits for its metadata: (partition, offset)."""
    meta = producer.send(list(key), list(value.encode())).wait()
    return meta.partition_id(), meta.offset()


def expect_error(what, action, text):
    try:
        action()
    except Exception as e:  # the client raises its own error types
        assert text in str(e), "%s: expected an error containing %r, got %r" % (what, text, str(e))
        return
    raise AssertionError("%s: expected an error containing %r, got none" % (what, text))


def first_call_after_restart(call, seconds=5.0):
    """The first call on a client handle that was connected across a restart.

    Fluvio's client learns that the server closed a socket from a background task (fluvio-socket's
    dispatcher marks the socket stale when it reads the end of the stream). A real cluster is down
    for a second or more, so that task has always run before the next call; the fake restarts in
    microseconds, so a call made at once can still go out on the closed socket and fail with
    "connection is closed". That is the client's race, not a lost record or offset: this retries
    only that error, until the handle has reconnected, and fails on any other.
    """
    deadline = time.time() + seconds
    while True:
        try:
            return call()
        except Exception as e:  # the client raises its own error types
            if "connection is closed" not in str(e) or time.time() > deadline:
                raise
            time.sleep(0.01)


def drop_next(api):
    """Asks the JUnit harness to drop the connection of the next request of that broker API.

    Returns False when no harness answers (another target): the case then has nothing to check.
    """
    if os.environ.get("FLUVIOKIT_RESTART", "none") != "stdio":
        return False
    log("@@fluviokit drop-next " + api)
    answer = sys.stdin.readline()
    assert answer.strip() == "armed", "drop not confirmed: %r" % answer
    return True


def error_text(action):
    try:
        action()
    except Exception as e:  # the client raises its own error types
        return str(e)
    raise AssertionError("expected an error, got none")


def restart_broker():
    mode = os.environ.get("FLUVIOKIT_RESTART", "none")
    if mode == "stdio":
        log("@@fluviokit restart")
        answer = sys.stdin.readline()
        assert answer.strip() == "restarted", "restart not confirmed: %r" % answer
        return True
    if mode.startswith("command:"):
        subprocess.run(mode[len("command:"):], shell=True, check=True)
        return True
    log("   (no restart: FLUVIOKIT_RESTART is %r)" % mode)
    return False


# ------------------------------------------------------------------ cases


def test_connect():
    assert fluvio() is not None
    assert admin() is not None


def test_create_topics():
    create_topic(ONE)
    create_topic(TWO, TopicSpec.create().with_partitions(2).build())
    # Created now for the restart case: on a real 0.18 cluster a Create that follows a Delete can
    # wait a minute for provisioning.
    create_topic(KEPT)
    names = {t.name() for t in admin().list_topics([SUFFIX])}
    assert names == {ONE, TWO, KEPT}, names
    # A real SC ignores the name filter of a partition list: every user partition comes back.
    partitions = {p.name() for p in admin().list_partitions([TWO])}
    assert {TWO + "-0", TWO + "-1", ONE + "-0"} <= partitions and TWO + "-2" not in partitions, partitions
    assert "consumer-offset-0" not in partitions, "system partitions are not listed"
    # consumer-offset is a system topic: it is not listed with the user's topics (K2)
    assert "consumer-offset" not in {t.name() for t in admin().all_topics()}
    expect_error("create an existing topic", lambda: admin().create_topic(ONE), "already exists")


def test_produce_with_keys():
    producer = fluvio().topic_producer(TWO)
    # SipHash-2-4 of the key picks the partition (spec wire-protocol §5.1)
    assert send(producer, b"1", "k1") == (0, 0)
    assert send(producer, b"4", "k4") == (1, 0)
    assert send(producer, b"2", "k2") == (0, 1)
    assert send(producer, b"8", "k8") == (1, 1)


def test_produce_without_keys():
    producer = fluvio().topic_producer(ONE)
    metas = [producer.send_string(v) for v in ("a", "b", "c")]
    producer.flush()
    assert [(m.partition_id(), m.offset()) for m in (o.wait() for o in metas)] == [(0, 0), (0, 1), (0, 2)]
    # send_all: several records at once, consecutive offsets
    outputs = producer.send_all([(b"x", b"d"), (b"x", b"e")])
    producer.flush()
    assert [o.wait().offset() for o in outputs] == [3, 4]
    # The 0.21.0 client has no keyless records: send_string sends an empty key, which is
    # hashed like any other (SipHash of "" mod 2 = 1), so no round robin over partitions.
    keyless = fluvio().topic_producer(TWO)
    assert [send(keyless, b"", v)[0] for v in ("e1", "e2")] == [1, 1]


def test_consume_from_beginning():
    consumer = fluvio().partition_consumer(ONE, 0)
    stream = consumer.stream(Offset.beginning())
    records = [next(stream) for _ in range(5)]
    assert [r.offset() for r in records] == [0, 1, 2, 3, 4]
    assert [r.value_string() for r in records] == ["a", "b", "c", "d", "e"]
    assert bytes(records[3].key()) == b"x"
    now_ms = time.time() * 1000
    for r in records:
        assert abs(r.timestamp() - now_ms) < 300_000, "timestamp %d is not about now (%d)" % (r.timestamp(), now_ms)
    assert read_all(fluvio(), TWO, 0) == [(0, b"1", "k1"), (1, b"2", "k2")]
    assert read_all(fluvio(), TWO, 1) == [(0, b"4", "k4"), (1, b"8", "k8"), (2, b"", "e1"), (3, b"", "e2")]
    # every partition at once
    assert sorted(v for _, _, v in read_all(fluvio(), TWO)) == ["e1", "e2", "k1", "k2", "k4", "k8"]
    # Offset.absolute and from_end
    stream = fluvio().consumer_with_config(config(ONE, 0, start=Offset.absolute(3), continuous=False))
    assert [r.offset() for r in stream] == [3, 4]
    stream = fluvio().consumer_with_config(config(ONE, 0, start=Offset.from_end(1), continuous=False))
    assert [r.value_string() for r in stream] == ["e"]


def test_manual_strategy_commit_and_flush():
    stream = fluvio().consumer_with_config(config(ONE, 0, MANUAL, OffsetManagementStrategy.MANUAL))
    assert [next(stream).offset(), next(stream).offset()] == [0, 1]
    assert (MANUAL, ONE, 0) not in stored(), "nothing is stored before a commit and a flush (D1)"
    stream.offset_commit()
    assert (MANUAL, ONE, 0) not in stored(), "a commit alone stores nothing (D2)"
    stream.offset_flush()
    assert stored().get((MANUAL, ONE, 0)) == 1, stored()
    del stream


def test_auto_strategy():
    stream = fluvio().consumer_with_config(config(ONE, 0, AUTO, OffsetManagementStrategy.AUTO))
    assert [next(stream).offset() for _ in range(3)] == [0, 1, 2]
    # Dropping the stream commits the last record handed out and flushes it without waiting (C1, C6).
    del stream
    eventually("auto strategy offset after the stream was dropped",
               lambda: stored().get((AUTO, ONE, 0)) == 2 or stored())


def test_consumer_offsets():
    offsets = {o.consumer_id: o for o in fluvio().consumer_offsets() if o.consumer_id in CONSUMERS}
    assert set(offsets) == {MANUAL, AUTO}, set(offsets)
    assert (offsets[MANUAL].topic, offsets[MANUAL].partition, offsets[MANUAL].offset) == (ONE, 0, 1)
    assert (offsets[AUTO].topic, offsets[AUTO].partition, offsets[AUTO].offset) == (ONE, 0, 2)
    for o in offsets.values():
        assert abs(o.modified_time - time.time()) < 300, "modified_time %d is not about now" % o.modified_time


def test_resume_after_reconnect():
    client = Fluvio.connect()
    # A named consumer resumes after its stored offset: stored + 1 (B1, B2)
    assert [o for o, _, _ in read_all(client, ONE, 0, MANUAL, OffsetManagementStrategy.MANUAL)] == [2, 3, 4]
    assert [o for o, _, _ in read_all(client, ONE, 0, AUTO, OffsetManagementStrategy.MANUAL)] == [3, 4]


def test_delete_consumer_offset():
    fluvio().delete_consumer_offset(AUTO, ONE, 0)
    assert (AUTO, ONE, 0) not in stored(), stored()
    fluvio().delete_consumer_offset(AUTO, ONE, 0)  # deleting an absent offset succeeds (G4)
    assert stored().get((MANUAL, ONE, 0)) == 1, "other consumers keep theirs"
    assert [o for o, _, _ in read_all(fluvio(), ONE, 0, AUTO, OffsetManagementStrategy.MANUAL)] == [0, 1, 2, 3, 4]


def test_delete_topic_removes_its_offsets():
    create_topic(GONE)
    producer = fluvio().topic_producer(GONE)
    send(producer, b"", "old")
    stream = fluvio().consumer_with_config(config(GONE, 0, DELETED, OffsetManagementStrategy.MANUAL))
    assert next(stream).value_string() == "old"
    stream.offset_commit()
    stream.offset_flush()
    del stream
    assert stored().get((DELETED, GONE, 0)) == 0
    admin().delete_topic(GONE)
    # Deleting a topic deletes its consumer offsets (J1); a real SPU learns of the deletion
    # asynchronously, so they may still be listed for a moment after the Delete returns.
    eventually("consumer offsets of a deleted topic", lambda: (DELETED, GONE, 0) not in stored() or stored())
    expect_error("delete a deleted topic", lambda: admin().delete_topic(GONE), "not found")
    expect_error("produce to a missing topic",
                 lambda: fluvio().topic_producer("py-missing-" + SUFFIX).send_string("x").wait(),
                 "Topic not found")


def test_restart_between_two_consumers():
    producer = fluvio().topic_producer(KEPT)
    for value in ("r0", "r1", "r2"):
        send(producer, b"", value)
    first = fluvio().consumer_with_config(config(KEPT, 0, RESTART, OffsetManagementStrategy.MANUAL))
    assert [next(first).value_string(), next(first).value_string()] == ["r0", "r1"]
    first.offset_commit()
    first.offset_flush()
    del first
    assert stored().get((RESTART, KEPT, 0)) == 1

    restart_broker()

    # The same client handle reconnects by itself; the stored offset and the records survived (K4).
    assert first_call_after_restart(lambda: stored()).get((RESTART, KEPT, 0)) == 1, stored()
    second = read_all(fluvio(), KEPT, 0, RESTART, OffsetManagementStrategy.MANUAL)
    assert second == [(2, b"", "r2")], second
    assert send(producer, b"", "r3") == (0, 3), "producing continues at the next offset"
    # and so does a new client
    assert [v for _, _, v in read_all(Fluvio.connect(), KEPT, 0)] == ["r0", "r1", "r2", "r3"]
    assert stored(Fluvio.connect()).get((MANUAL, ONE, 0)) == 1


def test_dead_connection_texts():
    """What the client says when its connection dies under a request.

    fluviokit's Java client copies these texts; its DeadConnectionTest asserts the same strings.
    """
    # a new admin handle: the shared one lost its SC connection in the restart case and never reconnects
    FluvioAdmin.connect().create_topic(DEAD)
    producer = Fluvio.connect().topic_producer(DEAD)
    send(producer, b"", "kept")  # the producer's connection to the SPU is open
    if not drop_next("PRODUCE"):
        return
    # at least once (the default): the retry waits FLV_SOCKET_WAIT on the dead socket, then gives up
    assert error_text(lambda: send(producer, b"", "lost")) == "Producer error: failed to get record metadata"
    assert drop_next("LIST_TOPICS")
    other = FluvioAdmin.connect()  # not the shared handle: Fluvio's admin never reconnects its SC socket
    assert error_text(lambda: other.all_topics()) == "Socket io connection is closed"
    assert drop_next("FETCH_CONSUMER_OFFSETS")
    assert error_text(lambda: Fluvio.connect().consumer_offsets()) == "Socket io connection is closed"
    # Not checked here: an explicit flush whose connection is dropped. It said "offset flush error: Socket io
    # connection is closed", then "Other error: sending into a closed channel", in most runs, but in about one
    # in five the client never returned from the flush (REAL-CLUSTER.md #27).


def smoke():
    """A short check that the client can use the cluster: connect, create, produce, consume."""
    topic = "py-smoke-" + SUFFIX
    create_topic(topic)
    assert send(fluvio().topic_producer(topic), b"k", "v") == (0, 0)
    assert read_all(fluvio(), topic, 0) == [(0, b"k", "v")]
    admin().delete_topic(topic)


CASES = [
    test_connect,
    test_create_topics,
    test_produce_with_keys,
    test_produce_without_keys,
    test_consume_from_beginning,
    test_manual_strategy_commit_and_flush,
    test_auto_strategy,
    test_consumer_offsets,
    test_resume_after_reconnect,
    test_delete_consumer_offset,
    test_delete_topic_removes_its_offsets,
    test_restart_between_two_consumers,
    test_dead_connection_texts,
]


def main(names):
    by_name = {case.__name__: case for case in CASES}
    by_name["smoke"] = smoke
    unknown = [n for n in names if n not in by_name]
    if unknown:
        log("unknown case(s): %s; known: %s" % (", ".join(unknown), ", ".join(by_name)))
        return 2
    chosen = [by_name[n] for n in names] if names else CASES
    failed = 0
    for case in chosen:
        started = time.time()
        try:
            case()
            log("PASS %s (%.2f s)" % (case.__name__, time.time() - started))
        except Exception as e:  # report and go on: the summary shows every failure
            failed += 1
            log("FAIL %s (%.2f s): %s: %s" % (case.__name__, time.time() - started, type(e).__name__, e))
            traceback.print_exc(file=sys.stdout)
            if case is test_connect:
                log("cannot use the cluster: the other cases are not run")
                failed += len(chosen) - 1
                break
    log("fluvio python client: %d of %d cases passed" % (len(chosen) - failed, len(chosen)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
