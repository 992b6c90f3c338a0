"""Facts from a report's text (issue 16): an officer uploads a .docx, .txt or .pdf (or pastes
text) for a unit and a period; tongket reads it with `tongket.lib.facts`, proposes each fact
with the sentence it came from, and saves what the officer confirms, all or nothing, through
the targets and emulation services."""
