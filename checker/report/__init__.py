"""From outcomes to a report: findings with citations, verdict and score, facts to collect,
coming changes."""
