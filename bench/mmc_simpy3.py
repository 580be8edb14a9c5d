#!/usr/bin/python3
"""The M/M/c+M model in SimPy 3 (Debian python3-simpy3, the engine of the SimPy users run
today), for the side-by-side speed comparison with bench/mmc_throughput.cpp. Same model as
bench/mmc_simpy.py (SimPy 2.3): Poisson arrivals, exponential work on c servers, exponential
patience (reneging), FIFO.

Written the way SimPy 3's documentation writes a reneging customer: request the resource and
race it against a timeout of the patience (`req | env.timeout(patience)`); a customer whose
patience runs out leaves the queue (the `with` block cancels the request).

Logical events counted as the C++ kernel counts them: one per arrival, one per service
completion, one per abandonment.

usage: /usr/bin/python3 bench/mmc_simpy3.py [days] [lambda mu c theta]
"""
import random
import sys
import time

import simpy


class Model:
    def __init__(self, env, lam, mu, c, theta, seed):
        self.env = env
        self.lam, self.mu, self.theta = lam, mu, theta
        self.rng = random.Random(seed)
        self.arrivals = self.completed = self.abandoned = 0
        self.waits = []
        self.desk = simpy.Resource(env, capacity=c)

    def customer(self):
        env = self.env
        arrived = env.now
        patience = self.rng.expovariate(self.theta)
        work = self.rng.expovariate(self.mu)
        with self.desk.request() as req:
            result = yield req | env.timeout(patience)
            self.waits.append(env.now - arrived)
            if req in result:
                yield env.timeout(work)
                self.completed += 1
            else:
                self.abandoned += 1

    def source(self):
        env = self.env
        while True:
            yield env.timeout(self.rng.expovariate(self.lam))
            self.arrivals += 1
            env.process(self.customer())


def main():
    days = float(sys.argv[1]) if len(sys.argv) > 1 else 5000.0
    lam, mu, c, theta = 9.0, 1.0, 10, 0.5
    if len(sys.argv) > 5:
        lam, mu, c, theta = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    env = simpy.Environment()
    model = Model(env, lam, mu, c, theta, 1)
    env.process(model.source())
    t0 = time.perf_counter()
    env.run(until=days)
    seconds = time.perf_counter() - t0
    events = model.arrivals + model.completed + model.abandoned
    print(f"simpy3 M/M/{c}+M lambda={lam} mu={mu} theta={theta} days={days}")
    print(f"customers={model.arrivals} events={events} seconds={seconds:.3f} "
          f"events_per_second={events / seconds:.0f} customers_per_second={model.arrivals / seconds:.0f}")
    left = model.completed + model.abandoned
    print(f"abandonment_share={model.abandoned / max(left, 1):.4f} "
          f"mean_wait={sum(model.waits) / max(len(model.waits), 1):.4f}")


if __name__ == "__main__":
    main()
