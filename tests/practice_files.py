"""A short progressing routine shared by the progression, Today and reminder tests."""

PLANK_PRACTICE = """\
format = 1
name = "Plank practice"

[[steps]]
name = "Plank"
hold = 20
reps = 3
rest = 20
progress = { hold = "+5s", hold_max = "45s", every = 3 }

[[steps]]
name = "Bird-dog"
hold = 5
reps = 5
rest = 2
sides = "both"
progress = { reps = 1, reps_max = 8, every = 2 }
"""
