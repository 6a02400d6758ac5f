"""The Sartor Network workload for Locust, request for request as `sartor-load run` sends it.

Same six operations, weights 30/10/15/15/20/10, safe claims (GET with X-Firebase-ETag, PUT
with if-match; 412 is a lost race, not an error), status queries downloading the three
collections whole. Think time and the simulated work between claim and update come from the
environment so that the comparison runs both tools with the same settings:

    SARTOR_ROOT   root key (default agents-network)
    SARTOR_THINK  seconds between operations (default 0)
    SARTOR_WORK   seconds of simulated work after a claim (default 0)

Every operation that ends (skipped claims and lost races included, as sartor-load counts
them) is also reported to Locust as request type OP with the operation's
name, so Locust's statistics give operations per second next to requests per second.
"""

import json
import os
import random
import time
import uuid
from datetime import datetime, timezone

from locust import FastHttpUser, constant, task

ROOT = os.environ.get("SARTOR_ROOT", "agents-network")
THINK = float(os.environ.get("SARTOR_THINK", "0"))
WORK = float(os.environ.get("SARTOR_WORK", "0"))

TASK_TYPES = ["data analysis", "code review", "documentation update", "bug investigation",
              "feature implementation", "performance optimisation", "security audit",
              "integration testing"]
PRIORITIES = ["low", "medium", "high", "urgent"]
TAGS = ["backend", "frontend", "database", "api", "testing", "docs", "infra", "security",
        "performance", "research", "ux", "ops"]
WORDS = ["agent", "network", "update", "task", "status", "result", "review", "found", "shared",
         "latency", "claim", "queue", "ready", "progress", "check", "data", "report", "note"]


def now():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sentence(low, high):
    length = random.randint(low, high)
    text = ""
    while len(text) < length:
        text += (" " if text else "") + random.choice(WORDS)
    return text[: length - 1].rstrip() + "."


def tags():
    return random.sample(TAGS, random.randint(2, 3))


class SartorAgent(FastHttpUser):
    wait_time = constant(THINK)

    def path(self, *parts):
        return "/" + "/".join((ROOT,) + parts) + ".json"

    def operation(self, name, started, ok=True, error=None):
        self.environment.events.request.fire(
            request_type="OP", name=name, response_time=(time.perf_counter() - started) * 1000,
            response_length=0, exception=error if not ok else None, context={})

    def on_start(self):
        self.agent_id = "claude-%d-%08x" % (int(time.time()), random.getrandbits(32))
        stamp = now()
        self.client.put(self.path("agents", self.agent_id), name="connect", json={
            "agent_id": self.agent_id, "agent_name": "Locust Agent", "status": "online",
            "capabilities": ["messaging", "tasks", "knowledge"], "joined_at": stamp,
            "last_seen": stamp})
        self.client.put(self.path("presence", self.agent_id), name="connect",
                        json={"online": True, "last_seen": stamp})

    def on_stop(self):
        stamp = now()
        self.client.patch(self.path("agents", self.agent_id), name="disconnect",
                          json={"status": "offline", "last_seen": stamp})
        self.client.patch(self.path("presence", self.agent_id), name="disconnect",
                          json={"online": False, "last_seen": stamp})

    @task(30)
    def direct_message(self):
        started = time.perf_counter()
        agents = self.client.get(self.path("agents"), name="GET agents").json() or {}
        others = [key for key in agents if key != self.agent_id]
        if not others:
            self.operation("direct_message", started)
            return
        to = random.choice(others)
        self.client.put(self.path("messages", "direct", to, str(uuid.uuid4())), name="PUT dm",
                        json={"from": self.agent_id, "to": to, "content": sentence(20, 80),
                              "timestamp": now(), "read": False})
        self.operation("direct_message", started)

    @task(10)
    def broadcast(self):
        started = time.perf_counter()
        self.client.put(self.path("messages", "broadcast", str(uuid.uuid4())),
                        name="PUT broadcast", json={"from": self.agent_id,
                                                    "content": sentence(20, 80),
                                                    "timestamp": now()})
        self.operation("broadcast", started)

    @task(15)
    def task_create(self):
        started = time.perf_counter()
        task_id = str(uuid.uuid4())
        kind = random.choice(TASK_TYPES)
        self.client.put(self.path("tasks", task_id), name="PUT task", json={
            "task_id": task_id, "title": kind.capitalize() + ": the task board",
            "description": sentence(60, 120), "status": "available",
            "created_by": self.agent_id, "created_at": now(),
            "data": {"priority": random.choice(PRIORITIES),
                     "estimated_duration": random.randint(15, 240), "tags": tags()}})
        self.operation("task_create", started)

    @task(15)
    def task_claim(self):
        started = time.perf_counter()
        tasks = self.client.get(self.path("tasks"), name="GET tasks").json() or {}
        open_tasks = [key for key, value in tasks.items()
                      if isinstance(value, dict) and value.get("status") == "available"]
        if not open_tasks:
            self.operation("task_claim", started)
            return
        task_id = random.choice(open_tasks)
        read = self.client.get(self.path("tasks", task_id), name="GET task",
                               headers={"X-Firebase-ETag": "true"})
        current = read.json()
        if not current or current.get("status") != "available":
            self.operation("task_claim", started)
            return
        current.update({"status": "claimed", "claimed_by": self.agent_id, "claimed_at": now()})
        with self.client.put(self.path("tasks", task_id), name="PUT claim",
                             data=json.dumps(current), catch_response=True,
                             headers={"if-match": read.headers.get("ETag", "")}) as response:
            if response.status_code == 412:
                response.success()
                self.operation("task_claim", started)
                return
        claimed = time.perf_counter()
        if WORK > 0:
            time.sleep(WORK)
        worked = time.perf_counter() - claimed
        self.client.patch(self.path("tasks", task_id), name="PATCH task", json={
            "status": random.choice(["in-progress", "completed"]), "updated_by": self.agent_id,
            "updated_at": now(), "result": sentence(20, 80)})
        self.operation("task_claim", started + worked)

    @task(20)
    def knowledge_add(self):
        started = time.perf_counter()
        self.client.put(self.path("knowledge", str(uuid.uuid4())), name="PUT knowledge",
                        json={"content": sentence(180, 220), "added_by": self.agent_id,
                              "timestamp": now(), "tags": tags()})
        self.operation("knowledge_add", started)

    @task(10)
    def status_query(self):
        started = time.perf_counter()
        for collection in ("agents", "tasks", "knowledge"):
            self.client.get(self.path(collection), name="GET " + collection)
        self.operation("status_query", started)
