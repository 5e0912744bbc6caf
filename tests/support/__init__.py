"""Test helpers that are not tests: generators of made-up and hostile mail."""
