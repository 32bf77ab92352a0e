import NapCLI

Nap.runMain()
