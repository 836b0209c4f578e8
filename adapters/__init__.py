"""Thin adapters that put the engine on a terminal, Telegram and Discord."""
