"""`figcheck serve`: a local web page where an editor pastes an article and sees its figures checked."""
