import h5py
import matplotlib.pyplot as plt
import numpy as np
from pathlib import Path

HDF5_SUFFIXES = {".h5", ".hdf", ".hdf5", ".nxs", ".nx5", ".nx", ".nexus"}


def _text(value):
    """An attribute as text: h5py gives bytes, str or a one-element array depending on the writer."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
        value = value[0] if isinstance(value, list) and len(value) == 1 else value
    return value.decode() if isinstance(value, bytes) else value


def _nx_class(obj):
    return _text(obj.attrs.get("NX_class"))


def _member(group, name):
    """group[name], or None where the name is missing or a dangling link."""
    try:
        return group[name] if name in group else None
    except (KeyError, OSError):
        return None


def _children(group, nx_class):
    found = []
    for name in group:
        obj = _member(group, name)
        if isinstance(obj, h5py.Group) and _nx_class(obj) == nx_class:
            found.append(obj)
    return found


def _default_first(group, nx_class):
    """The group's children of that class, the one its @default names first."""
    named = _text(group.attrs.get("default"))
    chosen = _member(group, named) if isinstance(named, str) else None
    rest = [c for c in _children(group, nx_class) if chosen is None or c.name != chosen.name]
    if isinstance(chosen, h5py.Group) and _nx_class(chosen) == nx_class:
        return [chosen] + rest
    return rest


def signal_and_axes(data):
    """The signal dataset and, per dimension, its axis or None; the current or the older NeXus convention."""
    signal = _member(data, _text(data.attrs.get("signal")) or "")
    axes = _text(data.attrs.get("axes"))
    if not isinstance(signal, h5py.Dataset):  # older files: the signal dataset says signal=1, axes="x:y"
        signal = None
        for name in data:
            obj = _member(data, name)
            if isinstance(obj, h5py.Dataset) and str(_text(obj.attrs.get("signal"))) == "1":
                signal, axes = obj, _text(obj.attrs.get("axes"))
                break
    if signal is None:
        return None, []
    if isinstance(axes, str):
        axes = axes.replace(",", ":").split(":")
    names = [_text(n) for n in axes] if axes is not None else [None] * signal.ndim
    for attr in data.attrs:  # AXISNAME_indices places an axis on a dimension where @axes does not
        if attr.endswith("_indices") and attr[:-8] in data:
            dims = np.atleast_1d(data.attrs[attr])
            if len(dims) == 1 and 0 <= int(dims[0]) < len(names) and names[int(dims[0])] in (None, "."):
                names[int(dims[0])] = attr[:-8]
    found = [_member(data, n) if n not in (None, ".") else None for n in names]
    return signal, [a if isinstance(a, h5py.Dataset) else None for a in found]


def nexus_default(f):
    """The NXdata to plot and its signal: the NeXus default chain (/@default -> NXentry@default -> NXdata)
    first, then any other NXdata of the file's entries that names a signal."""
    for entry in _default_first(f, "NXentry"):
        for data in _default_first(entry, "NXdata"):
            signal, axes = signal_and_axes(data)
            if signal is not None:
                return data, signal, axes
    return None, None, []


def plot_nexus_default(path):
    """Plots the file's NeXus default (a line for 1-D, an image for 2-D, the first frame beyond); says why not."""
    path = Path(path)
    if not path.is_file():
        print(f"{path}: not on this computer")
        return None
    with h5py.File(path, "r") as f:
        data, signal, axes = nexus_default(f)
        if data is None:
            print(f"{path}: no NXdata with a signal to plot")
            return None
        values = signal[()]
        while values.ndim > 2:
            values = values[0]
        label = signal.name.split("/")[-1]
        units = _text(signal.attrs.get("units"))
        fig, ax = plt.subplots()
        if values.ndim == 1:
            x = axes[-1] if axes and axes[-1] is not None and axes[-1].shape == values.shape else None
            if x is None:
                ax.plot(values)
                ax.set_xlabel("index")
            else:
                ax.plot(x[()], values)
                x_units = _text(x.attrs.get("units"))
                ax.set_xlabel(x.name.split("/")[-1] + (f" ({x_units})" if x_units else ""))
            ax.set_ylabel(label + (f" ({units})" if units else ""))
        else:
            image = ax.imshow(values, origin="lower", aspect="auto")
            fig.colorbar(image, ax=ax, label=label + (f" ({units})" if units else ""))
        ax.set_title(f"{path.name}: {signal.name}")
        plt.show()
        print(f"{path}: plotted {signal.name} {signal.shape}")
        return signal.name


for dataset in datasets:
    print(f"{dataset['pid']}  {dataset['datasetName']}")
    for file in dataset["files"]:
        if Path(file).suffix.lower() in HDF5_SUFFIXES:
            plot_nexus_default(file)
