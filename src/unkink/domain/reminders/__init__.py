"""Desk-break reminders: the schedule (when to remind), pure and driven by an injected clock."""
