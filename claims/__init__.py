"""Claims found in sources, the evidence and verdicts on them, and the review workflow."""
