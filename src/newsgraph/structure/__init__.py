"""Article structure: which characters are title, caption, credit, lead, body, subheading,
related links and agency credit."""
