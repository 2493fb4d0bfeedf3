"""A throwaway fifth domain, the yearly quality self-assessment of a unit with beds, written
the way a new domain is written: its own files only, no edit to the platform. The platform
test (tests/platform/test_new_domain.py) installs it in a settings module of its own and
checks that it gets what every domain gets."""
