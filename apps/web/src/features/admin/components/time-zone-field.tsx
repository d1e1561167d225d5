import { useMemo } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { knownTimeZones } from '@/lib/time-zones';

/** The zone a show's or series' wall-clock times are read in; every IANA zone the browser knows. */
export function TimeZoneField(props: { defaultValue: string; error?: string; name?: string }) {
  const zones = useMemo(() => {
    const known = knownTimeZones();
    return known.includes(props.defaultValue) ? known : [...known, props.defaultValue].sort();
  }, [props.defaultValue]);
  return (
    <SelectField
      label="Time zone"
      name={props.name ?? 'timeZone'}
      options={zones}
      defaultValue={props.defaultValue}
      error={props.error}
    />
  );
}
