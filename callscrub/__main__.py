from callscrub.cli import run

run()
