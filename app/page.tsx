import { Workbench } from '../components/Workbench';

export default function Home() {
  return <Workbench />;
}
