"""A process pool that survives a killed worker: its work is retried once, then reported as lost.

`concurrent.futures.ProcessPoolExecutor` breaks as a whole when one worker dies (the OOM killer,
a segfault in a C extension, `kill -9`): every pending task raises BrokenProcessPool and nothing
says which input was to blame. Here each task is a list of *units* (a document, a file), and each
worker writes the unit it is working on into a slot of a small shared array before it starts it.
When the pool breaks:

- tasks that no worker had started are submitted again to a fresh pool;
- tasks a worker was inside are retried *in isolation* (a pool of one process, one task at a
  time), so a second death names its unit for certain; a unit whose worker died twice is lost
  and the task runs again without it. Every death costs one unit one strike, so this ends.

Results come back per task, in completion order, as `{unit id: result}`, with a `Lost` for every
unit that was never checked; callers report those by name and fail the run.

`working_on(unit_id, label)` is the worker's side. It also holds the one test hook of this module:
FIGCHECK_TEST_KILL_WORKER=TEXT makes a worker SIGKILL itself when it starts a unit whose label
contains TEXT (TEXT@FLAGFILE: only the first time, while FLAGFILE does not exist), so the tests
kill real workers at a known point. Nothing but the tests sets it.
"""

from __future__ import annotations

import os
import signal
from collections import Counter, deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

IDLE = -1
KILL_HOOK = "FIGCHECK_TEST_KILL_WORKER"
MAX_STRIKES = 2  # the first death is retried; the second loses the unit


@dataclass(frozen=True)
class Task:
    """One piece of work: a key the caller knows it by, and its units as (unit id, payload)."""

    key: Any
    units: tuple[tuple[int, Any], ...]


@dataclass(frozen=True)
class Lost:
    """A unit whose worker process died each time it was tried."""

    reason: str


# --------------------------------------------------------------------------------- in a worker

_SLOTS: Any = None
_SLOT: int | None = None


def _start(slots, counter, initializer: Callable | None, initargs: tuple) -> None:
    global _SLOTS, _SLOT
    with counter.get_lock():
        slot = counter.value
        counter.value += 1
    _SLOTS, _SLOT = slots, (slot if slot < len(slots) else None)
    if initializer is not None:
        initializer(*initargs)


def working_on(unit_id: int, label: str = "") -> None:
    """Called by a task before each unit: record it, so a death can be put down to it."""
    if _SLOTS is not None and _SLOT is not None:
        _SLOTS[_SLOT] = unit_id
    hook = os.environ.get(KILL_HOOK)
    if hook:
        _test_kill(hook, label)


def _test_kill(hook: str, label: str) -> None:
    text, _, flag = hook.partition("@")
    if not text or text not in label:
        return
    if flag:
        try:
            os.close(os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
    os.kill(os.getpid(), signal.SIGKILL)


def _run(function: Callable, key: Any, units: tuple) -> Any:
    try:
        return function(key, units)
    finally:
        if _SLOTS is not None and _SLOT is not None:
            _SLOTS[_SLOT] = IDLE


# ------------------------------------------------------------------------------ in the parent


class _Pool:
    """A ProcessPoolExecutor with one in-flight slot per worker."""

    def __init__(self, jobs: int, initializer: Callable | None, initargs: tuple) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context()
        self.slots = context.Array("q", [IDLE] * jobs, lock=False)
        counter = context.Value("i", 0)
        self.executor: ProcessPoolExecutor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start,
            initargs=(self.slots, counter, initializer, initargs))
        self.processes: dict[int, Any] = {}

    def submit(self, function: Callable, task: Task) -> "Future":
        future = self.executor.submit(_run, function, task.key, task.units)
        self.processes.update(getattr(self.executor, "_processes", None) or {})
        return future

    def in_flight(self) -> set[int]:
        return {unit for unit in self.slots if unit != IDLE}

    def death(self) -> str:
        """How the dead worker ended, for the report ("killed by SIGKILL"); "died" when it cannot tell."""
        self.processes.update(getattr(self.executor, "_processes", None) or {})  # workers started since a submit
        for process in self.processes.values():
            process.join(timeout=5)
            code = process.exitcode
            if code is not None and code < 0 and -code != signal.SIGTERM:  # the pool TERMs the others
                try:
                    return f"was killed by {signal.Signals(-code).name}"
                except ValueError:
                    return f"was killed by signal {-code}"
            if code not in (None, 0) and code > 0:
                return f"exited with status {code}"
        return "died"

    def stop(self) -> None:
        """Stop every worker now, so none outlives the run (Ctrl-C, SIGTERM, an error)."""
        processes = list(self.processes.values()) + list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()

    def close(self) -> None:
        self.executor.shutdown(wait=True)


def run_tasks(tasks: Iterable[Task], function: Callable[[Any, tuple], Sequence[Any]], *, jobs: int,
              initializer: Callable | None = None, initargs: tuple = (),
              window: int | None = None) -> Iterator[tuple[Any, dict[int, Any]]]:
    """Run `function(key, units)` (which returns one result per unit, in order, and calls
    `working_on` before each) for every task on `jobs` processes; yield (key, {unit id: result
    or Lost}) as tasks finish. Close the generator (or exhaust it) to stop the workers."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    source = iter(tasks)
    again: deque[Task] = deque()  # tasks to submit again after a break (no worker had started them)
    suspects: list[Task] = []  # tasks a dead pool's workers were inside: retried in isolation
    strikes: Counter = Counter()
    window = window or 2 * jobs
    pool = _Pool(jobs, initializer, initargs)
    pending: dict["Future", Task] = {}
    try:
        while True:
            while len(pending) < window:
                task = again.popleft() if again else next(source, None)
                if task is None:
                    break
                try:
                    pending[pool.submit(function, task)] = task
                except BrokenProcessPool:  # a worker died since the last wait: this task never started
                    again.appendleft(task)
                    break
            if not pending:
                if again:  # broken with nothing in flight to wait for: a fresh pool takes the rest
                    pool.stop()
                    pool = _Pool(jobs, initializer, initargs)
                    continue
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                if isinstance(future.exception(), BrokenProcessPool):
                    broken = True
                    continue
                task = pending.pop(future)
                yield task.key, _by_unit(task, future.result())
            if not broken:
                continue
            # The pool is gone. Keep what finished, put the blame on what was in flight.
            wait(pending)
            in_flight = pool.in_flight()
            pool.stop()
            for future, task in list(pending.items()):
                if future.exception() is None:
                    yield task.key, _by_unit(task, future.result())
                    continue
                touched = [unit for unit, _ in task.units if unit in in_flight]
                if touched or not in_flight:  # nothing recorded: any running task may be to blame
                    strikes.update(touched)
                    suspects.append(task)
                else:
                    again.append(task)
            pending.clear()
            pool = _Pool(jobs, initializer, initargs)
        pool.close()
        for task in suspects:
            yield task.key, _isolated(task, function, initializer, initargs, strikes)
    except BaseException:
        pool.stop()
        raise


def _isolated(task: Task, function: Callable, initializer: Callable | None, initargs: tuple,
              strikes: Counter) -> dict[int, Any]:
    """Run one task alone on a fresh process until it completes, dropping each unit that kills
    its worker a second time."""
    from concurrent.futures.process import BrokenProcessPool

    lost: dict[int, Any] = {}
    units = list(task.units)
    while units:
        pool = _Pool(1, initializer, initargs)
        try:
            future = pool.submit(function, Task(task.key, tuple(units)))
            try:
                results = future.result()
            except BrokenProcessPool:
                culprit = pool.in_flight()
                pool.stop()
                reason = pool.death()
                if not culprit:  # it died outside any unit (start-up): none of them can be checked
                    lost.update({unit: Lost(f"its worker process {reason} before checking it") for unit, _ in units})
                    return lost
                for unit in culprit:
                    strikes[unit] += 1
                    if strikes[unit] >= MAX_STRIKES:
                        lost[unit] = Lost(f"its worker process {reason} each time it was checked")
                units = [(unit, payload) for unit, payload in units if unit not in lost]
                continue
            pool.close()
        except BaseException:
            pool.stop()
            raise
        return {**lost, **_by_unit(Task(task.key, tuple(units)), results)}
    return lost


def _by_unit(task: Task, results: Sequence[Any]) -> dict[int, Any]:
    return {unit: result for (unit, _), result in zip(task.units, results)}
