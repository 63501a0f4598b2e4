"""Working groups, their events, topics and the cooperation exchange board."""
