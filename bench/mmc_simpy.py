#!/usr/bin/python3
"""The M/M/c+M model in SimPy 2.3 (Debian python3-simpy), for the side-by-side speed
comparison with bench/mmc_throughput.cpp. Same model: Poisson arrivals, exponential work on c
servers, exponential patience (reneging), FIFO.

Logical events counted as the C++ kernel counts them: one per arrival, one per service
completion, one per abandonment.

usage: /usr/bin/python3 bench/mmc_simpy.py [days] [lambda mu c theta]
"""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request


class Customer(Process):
    def visit(self, model):
        arrived = self.sim.now()
        patience = model.rng.expovariate(model.theta)
        work = model.rng.expovariate(model.mu)
        yield (request, self, model.desk), (hold, self, patience)
        if self.acquired(model.desk):
            model.waits.append(self.sim.now() - arrived)
            yield hold, self, work
            yield release, self, model.desk
            model.completed += 1
        else:
            model.abandoned += 1
            model.waits.append(self.sim.now() - arrived)


class Source(Process):
    def generate(self, model):
        while True:
            yield hold, self, model.rng.expovariate(model.lam)
            model.arrivals += 1
            customer = Customer(sim=self.sim)
            self.sim.activate(customer, customer.visit(model))


class Model(Simulation):
    def __init__(self, lam, mu, c, theta, seed):
        Simulation.__init__(self)
        self.lam, self.mu, self.theta = lam, mu, theta
        self.rng = random.Random(seed)
        self.arrivals = self.completed = self.abandoned = 0
        self.waits = []
        self.initialize()
        self.desk = Resource(capacity=c, sim=self)
        source = Source(sim=self)
        self.activate(source, source.generate(self))


def main():
    days = float(sys.argv[1]) if len(sys.argv) > 1 else 5000.0
    lam, mu, c, theta = 9.0, 1.0, 10, 0.5
    if len(sys.argv) > 5:
        lam, mu, c, theta = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    model = Model(lam, mu, c, theta, 1)
    t0 = time.perf_counter()
    model.simulate(until=days)
    seconds = time.perf_counter() - t0
    events = model.arrivals + model.completed + model.abandoned
    print(f"simpy M/M/{c}+M lambda={lam} mu={mu} theta={theta} days={days}")
    print(f"customers={model.arrivals} events={events} seconds={seconds:.3f} "
          f"events_per_second={events / seconds:.0f} customers_per_second={model.arrivals / seconds:.0f}")
    left = model.completed + model.abandoned
    print(f"abandonment_share={model.abandoned / max(left, 1):.4f} "
          f"mean_wait={sum(model.waits) / max(len(model.waits), 1):.4f}")


if __name__ == "__main__":
    main()
