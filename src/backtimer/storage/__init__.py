"""Everything that touches the disk: where files live, how they are read and written."""
