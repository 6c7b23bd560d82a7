"""The session: planning, dosing, the timeline and its state machine, the morning after."""
