"""Resume Coach: a platform-neutral conversation engine that coaches people through a resume."""

__version__ = "0.1.0"
