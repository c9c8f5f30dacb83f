"""Places: gazetteer lookup, geocoding, disambiguation, metonymy; each event's place and date."""
