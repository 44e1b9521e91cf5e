"""The portal's database backends."""
