"""Desktop adapters for the reminder daemon: idle detection, notifications, do-not-disturb,
install files. Imported only by ``unkink remind``; never by the web app or other commands."""
