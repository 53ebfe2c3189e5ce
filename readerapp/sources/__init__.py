"""Online sources of paper metadata; the only package that talks to the network."""
