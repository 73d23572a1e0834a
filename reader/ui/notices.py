"""How long the app's notifications stay, in seconds, by what they say."""

BRIEF = 2  # a state changed: "Synchronized scrolling off", "Match 2 of 9"
SHORT = 3  # done, with a hint of what next: "Deleted. Press u to undo."
NOTICE = 4  # something to read: where an export went, which articles hold the counterparts
ERROR = 8  # something failed: what, and why
