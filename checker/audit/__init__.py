"""The portfolio audit: inputs, worker processes, waivers, summaries and their outputs."""
