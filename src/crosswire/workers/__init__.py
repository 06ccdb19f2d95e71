"""Long-running jobs: the feed scheduler, the story assigner, worker processes."""
