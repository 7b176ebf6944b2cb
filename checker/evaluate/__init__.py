"""Evaluating norms: the facts the engine sees, the durable_rules engine, and the independent
plain-Python evaluator."""
