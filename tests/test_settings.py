"""Settings: documented, typed, and layered defaults < file < environment < flags."""

from __future__ import annotations

import pytest

from crosswire.settings import ConfigError, Settings, load_settings, setting_help


def test_every_setting_has_help_text():
    undocumented = [name for name, text in setting_help().items() if len(text.strip()) < 10]
    assert undocumented == [], f"settings without help text: {undocumented}"


def test_layers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for key in Settings.model_fields:
        monkeypatch.delenv(f"CROSSWIRE_{key.upper()}", raising=False)
    monkeypatch.delenv("CROSSWIRE_CONFIG", raising=False)
    cfg = tmp_path / "c.toml"
    cfg.write_text('[crosswire]\nport = 9001\nhost = "0.0.0.0"\nsummary_sentences = 7\n')
    assert load_settings(cfg).port == 9001
    monkeypatch.setenv("CROSSWIRE_PORT", "9002")
    settings = load_settings(cfg)
    assert (settings.port, settings.host, settings.summary_sentences) == (9002, "0.0.0.0", 7)
    assert load_settings(cfg, port=9003).port == 9003


def test_bad_config_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("port = [")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad)
    bad.write_text("no_such_setting = 1\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(bad)
    with pytest.raises(ConfigError, match="port"):
        load_settings(None, port="not a number")
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "missing.toml")


def test_bad_trusted_network_is_a_settings_error():
    with pytest.raises(ConfigError, match="trusted_networks.*not a network"):
        load_settings(None, trusted_networks="10.1.0.0/16, nonsense")
    assert load_settings(None, trusted_networks="127.0.0.1/32, ::1/128").trusted_networks
