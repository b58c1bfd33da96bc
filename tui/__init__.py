"""The Textual editor (``callscrub edit``). Not built yet: see issue 5."""
