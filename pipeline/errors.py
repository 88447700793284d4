"""Errors a user should see as one clear line, never as a traceback."""


class PipelineError(Exception):
    """An expected failure: bad input, bad config. Printed as one line naming the file."""


class ConfigError(PipelineError):
    pass


class InputError(PipelineError):
    """A raw document that cannot be processed (binary, refused symlink, unreadable)."""
