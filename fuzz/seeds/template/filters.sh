#!/usr/bin/env bash
role={{ role.name }}
policy={{ policies.permissions | json_compact | shell }}
echo {{ destination.description | shell }}
