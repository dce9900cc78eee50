import * as vscode from 'vscode';
import { SettingChecks, type SettingKey, type SettingValue } from './settingChecks';

/**
 * Settings, checked at every read (settingChecks.ts). A value of the wrong
 * type or out of range falls back to the default, and the user is told once
 * per bad value (in the output channel and a warning), never with a crash.
 */
export class Settings extends SettingChecks {
  /** The value of a setting for a scope, or its default when the user's value is missing or invalid. */
  get<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): SettingValue<K> {
    const dot = key.indexOf('.');
    return this.valueOf(key, vscode.workspace.getConfiguration(key.slice(0, dot), scope).get(key.slice(dot + 1)));
  }
}
