import { useEffect } from 'react';
import { useStore } from '../lib/store';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { mappingProblems } from './draft';
import { FileCard } from './file-card';
import { FilePicker } from './file-picker';
import { ProfileBar } from './profile-bar';
import { RunOptions } from './run-options';
import { SaveProfile } from './save-profile';
import { setupStore } from './session';
import { chooseProfile, defaultProfile } from './setup-actions';

/** Steps 1 to 4: profile and files, each file's kind and mapping, saving the mapping, importing. */
export function SetupView() {
  const setup = useStore(setupStore);
  const profiles = useCall('profiles:list', {});
  const targets = useCall('import:targets', {});
  const list = profiles.data;
  const fields = targets.data;
  const problems = fields ? mappingProblems(setup.draft, setup.files, fields) : [];

  useEffect(() => {
    if (list && setupStore.get().profileName === undefined) chooseProfile(defaultProfile(list), list);
  }, [list]);

  if (profiles.error) {
    return (
      <ErrorPanel message={`The mapping profiles could not be loaded: ${profiles.error}`} onRetry={profiles.reload} />
    );
  }
  if (!list || setup.profileName === undefined)
    return <Loading slow={profiles.slow} text="Loading mapping profiles…" />;

  return (
    <>
      <section className="panel step" aria-labelledby="pick-heading">
        <h2 id="pick-heading">Profile and files</h2>
        <ProfileBar profiles={list} selected={setup.profileName} onChanged={profiles.reload} />
        <FilePicker busy={setup.busy !== null} />
        {setup.busy ? (
          <p className="muted" role="status">
            {setup.busy}
          </p>
        ) : null}
        {setup.error ? <ErrorPanel message={setup.error} /> : null}
        {setup.notice ? (
          <p className="notice" role="status">
            {setup.notice}
          </p>
        ) : null}
      </section>
      {targets.error ? (
        <ErrorPanel message={`The standard fields could not be loaded: ${targets.error}`} onRetry={targets.reload} />
      ) : null}
      {setup.files.length > 0 && fields ? (
        <>
          {setup.files.map((file) => (
            <FileCard key={file.path} file={file} setup={setup} targets={fields} />
          ))}
          <SaveProfile setup={setup} profiles={list} problems={problems} onSaved={profiles.reload} />
          <RunOptions setup={setup} problems={problems} />
        </>
      ) : null}
    </>
  );
}
