"""Keeping private writing private: text sealed with a key only the person's passphrase gives."""
