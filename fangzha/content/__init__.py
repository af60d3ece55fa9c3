"""Reading, checking and modelling the user's content: load → validate → Model."""
