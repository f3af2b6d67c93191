"""The moving figure: a person drawn doing each move, in step with the timer.

Pure data and geometry, no UI and no files:

- `body`: a jointed human figure of fixed proportions, posed by joint angles,
  and where each joint then is (forward kinematics); easing between poses.
- `moves`: what each move looks like (its poses, props, working parts), read
  from ``poses.toml`` beside this package by the storage layer.
- `stage`: a posed figure on the floor with its props, as lines and circles.
- `motion`: the pose at a moment of the engine's snapshot, and whether it moves.
- `canvas`: lines and circles drawn onto a grid of terminal cells (braille dots
  or half blocks), scaled to the space given.
"""
